/**
 * The decision trace as an operator reads it on the terminal, to answer a school board: from the
 * notifications to the forms sent, with every figure the decision rests on.
 */
import { formatEuro } from "../src/domain/money";
import { NOT_ELIGIBLE_REASONS, REJECTION_RULES } from "../src/domain/outcome-codes";
import type { PersonTrace } from "../src/run/person-trace";

function percent(perMille: number): string {
  return `${Math.floor(perMille / 10)}.${perMille % 10} %`;
}

function euro(cents: number | null): string {
  return cents === null ? "unknown" : formatEuro(cents);
}

export function renderTrace(trace: PersonTrace): string[] {
  const out: string[] = [];
  out.push(`Staff ${trace.staffId}: ${trace.name ?? "(no such staff member)"}${trace.inszMasked ? `, INSZ ${trace.inszMasked}` : ""}`);
  const reason = trace.reason ? ` (${trace.reason}: ${NOT_ELIGIBLE_REASONS[trace.reason as keyof typeof NOT_ELIGIBLE_REASONS]?.en ?? ""})` : "";
  out.push(`Run month ${trace.runMonth}, cut-off ${trace.cutoffAt}; on the data now, with nothing sent before, the person is: ${trace.status}${reason}`);
  out.push("", "Notifications (RL16):");
  if (trace.notifications.length === 0) out.push("  none");
  for (const n of trace.notifications) {
    const window = n.window ? `window ${n.window.start} … ${n.window.end}` : "no window (withdrawn from its start)";
    const time = n.inTime ? "in time for this run" : `received after the cut-off ${trace.cutoffAt}`;
    out.push(`  #${n.id} ${n.messageRef} from ${n.boardName ?? "unknown board"}, received ${n.receivedAt ?? "?"} (${time}), valid from ${n.validFrom ?? "?"}${n.withdrawnFrom ? `, withdrawn from ${n.withdrawnFrom}` : ""}: ${window}`);
    for (const p of n.problems) out.push(`     rejected: ${p.field} = ${p.value}: ${REJECTION_RULES[p.rule].en}`);
  }
  out.push(`Windows used: ${trace.windows.map((w) => `${w.start} … ${w.end}`).join(", ") || "none"}`);
  out.push("", "Assignments:");
  if (trace.assignments.length === 0) out.push("  none read");
  for (const a of trace.assignments) {
    out.push(`  #${a.id} ${a.institution ?? "unknown institution"} (${a.level ?? "?"}, ${a.board ?? "unknown board"}) ${a.start ?? "?"} … ${a.end ?? "open"}, fraction ${a.fraction ?? "?"}, theoretical salary ${euro(a.monthlySalary)}`);
    for (const p of a.problems) out.push(`     rejected: ${p.field} = ${p.value}: ${REJECTION_RULES[p.rule].en}`);
  }
  out.push("", "Months (WECH006: occupation < limit AND gross < threshold):");
  if (trace.months.length === 0) out.push("  none in a window up to the run month");
  for (const m of trace.months) {
    out.push(`  ${m.month}:`);
    for (const f of m.inForce) out.push(`     assignment #${f.assignmentId} ${f.fraction} in force ${f.from} … ${f.to}`);
    out.push(`     occupation ${percent(m.occupationPerMille)} over ${m.occupiedDays} occupied days`);
    for (const l of m.lines) {
      out.push(`     salary line #${l.id} ${euro(l.gross)} paid ${l.paidOn ?? "?"} for assignment #${l.countsFor ?? "none"}${l.assignmentId === null ? " (no assignment on the line: largest fraction)" : ""}: ${l.counted ? "counted" : "not counted"}, ${l.why}`);
    }
    out.push(`     gross ${euro(m.monthGross)}, threshold ${euro(m.threshold)}`);
  }
  out.push("", "Decisions (as the rules see the data now):");
  if (trace.units.length === 0) out.push("  none");
  for (const u of trace.units) {
    const what = `${u.formType} assignment #${u.assignmentId}${u.referenceMonth ? ` ${u.referenceMonth}` : ""}`;
    const o = u.outcome;
    if (o.status === "declared") {
      const d = o.declaration;
      const amounts = d.formType === "WECH006" ? `, gross ${euro(d.exactSalary)}` : "";
      out.push(`  ${what}: declare — start ${d.occupationStartingDate}, Q ${d.occupation.q} / S ${d.occupation.s}, theoretical salary ${euro(d.occupation.monthlySalary)}${amounts}`);
    } else if (o.status === "not-eligible") {
      out.push(`  ${what}: not eligible — ${o.reason}: ${o.detail}`);
    } else {
      out.push(`  ${what}: rejected — ${o.rule}: ${o.detail}`);
    }
  }
  out.push("", "Sent:");
  if (trace.sent.length === 0) out.push("  nothing sent for this person");
  for (const s of trace.sent) {
    out.push(`  ${s.formType} assignment #${s.assignmentId}${s.referenceMonth ? ` ${s.referenceMonth}` : ""}: run ${s.runId} (${s.runMonth}), ${s.fileName}, form ${s.sequenceNbr}`);
  }
  for (const note of trace.notes) out.push(`Note: ${note}`);
  return out;
}
