/**
 * The decision trace as an operator reads it on the terminal, to answer a school board: from the
 * notifications to the forms sent, with every figure the decision rests on.
 */
import { type Cents, formatEuro } from "../src/domain/money";
import { isNotEligibleReason, isWaitingReason, type RecordProblem } from "../src/domain/outcome-codes";
import type { PersonTrace } from "../src/run-record";
import { EN } from "../src/texts/en";
import type { Declaration } from "../src/rules/decision-types";
import { maskInszInText } from "../src/util/insz-masking";

function euro(amount: Cents | null): string {
  return amount === null ? "unknown" : formatEuro(amount);
}

/** A broken record of the trace, its value with every INSZ-shaped run masked. */
function rejectedLine(problem: RecordProblem): string {
  return `     rejected: ${problem.field} = ${maskInszInText(problem.value)}: ${EN.rejectionRules[problem.rule]}`;
}

/** What a declared unit would declare, in one line, per form type. */
export function declaredText(d: Declaration): string {
  const occupation = `Q ${d.occupation.q} / S ${d.occupation.s}, theoretical salary ${euro(d.occupation.monthlySalary)}`;
  switch (d.formType) {
    case "WECH003":
      return `start ${d.occupationStartingDate}, ${occupation}, 00095 ${d.dbrInCompanyPlan} (maintenance_of_rights ${d.maintenanceOfRights} is shown only)`;
    case "WECH006": {
      const joined =
        d.assignmentIds.length > 1
          ? `, one occupation of assignments ${d.assignmentIds.map((id) => `#${id}`).join(" + ")} (00769 = ${d.occupationInterruption}, Q ${d.meanWorkingHours} averaged)`
          : "";
      return `occupation ${d.occupationStartingDate} … ${d.occupationEndingDate ?? "(no end date)"}, Q ${d.meanWorkingHours} / S ${d.occupation.s}, theoretical salary ${euro(d.theoreticalSalary)}, gross ${euro(d.exactSalary)}${joined}`;
    }
    case "ZIMA002": {
      const periods = d.periods.map((p) => {
        const lines =
          d.subRisk === 1
            ? `services ${p.services.map((s) => `${s.code} ${EN.hundredths(s.hours)} h`).join(", ") || "none"}`
            : `${p.dayNatures.length} day(s) with a day nature${p.exactWages.length > 0 ? `, wages ${p.exactWages.map((w) => `${w.code} ${euro(w.amount)}`).join(", ")}` : ""}`;
        return `${p.start} … ${p.end} (adapted Q ${EN.hundredths(p.adaptedQ)} h, ${EN.hundredths(p.adaptedDaysPerWeek)} days/week; ${lines}${p.severance ? `; severance ${p.severance.start} … ${p.severance.end} ${euro(p.severance.amount)}` : ""})`;
      });
      return `sub-risk ${d.subRisk}, ${occupation}; periods ${periods.join("; ")}`;
    }
    case "ZIMA003":
      return `month ${d.referencePeriod}, ${d.links.length} occupation link(s): ${EN.breastfeedingLinks(
        d.links.map((l) => ({
          ...l.period,
          assignmentId: l.occupation.assignmentId,
          halfHourBreaks: l.halfHourBreaks,
          hourlyWage: l.hourlyWage,
        })),
      )}`;
    case "ZIMA005": {
      const details = d.details
        .map((l) => `code ${l.code} ${EN.hundredths(l.days)} days${l.hours !== null ? ` ${EN.hundredths(l.hours)} h` : ""}`)
        .join(", ");
      return `holiday year ${d.holidayYear}, sub-risk ${d.subRisk}, holiday sector ${d.holidaySector}, ${occupation}; ${details || "no holiday details"}`;
    }
    case "ZIMA001": {
      const occupations = d.occupations.map((o) => {
        const period = o.risk?.referencePeriod;
        const codes = period ? [...new Set(period.days.map((x) => x.code))].join(", ") : "";
        const days = period ? `, period ${period.start} … ${period.end} with ${period.days.length} day(s) (${codes})` : "";
        const stable = o.risk?.stable === 1 ? " (stable since R2)" : "";
        return `#${o.occupation.assignmentId} Q ${o.occupation.q} / S ${o.occupation.s}, base ${euro(o.risk?.basisAmount ?? null)}${stable}, last working day ${o.risk?.lastWorkingDay ?? "none"}${days}`;
      });
      const resumed = d.workRecovery === null ? "" : `, work resumed ${d.workRecovery}`;
      return `risk ${d.risk} (${EN.absenceKinds[d.absenceKind]}, absence ${d.absenceId}) from ${d.riskStart}, quarter ${d.quarter.code}${resumed}; ${occupations.join("; ")}`;
    }
    case "ZIMA006": {
      const asked = d.requestTicket === null ? "" : `, asked by the mutuality (request ${d.requestTicket})`;
      return `work resumed ${d.resumptionDate} after ${EN.absenceKinds[d.absenceKind]} (absence ${d.absenceId}, work_resumption ${d.resumptionId}), due by ${d.deadline}${asked}`;
    }
  }
}

/** What a person's reason code means (a not-eligible or a waiting reason). */
function reasonText(code: string): string {
  if (isNotEligibleReason(code)) return EN.notEligibleReasons[code];
  return isWaitingReason(code) ? EN.waitingReasons[code] : "";
}

export function renderTrace(trace: PersonTrace): string[] {
  const out: string[] = [];
  out.push(`Staff ${trace.staffId}: ${trace.name ?? "(no such staff member)"}${trace.inszMasked ? `, INSZ ${trace.inszMasked}` : ""}`);
  const reason = trace.reason ? ` (${trace.reason}: ${reasonText(trace.reason)})` : "";
  out.push(
    `Run month ${trace.runMonth}, cut-off ${trace.cutoffAt}; on the data now, with nothing sent before, the person is: ${trace.status}${reason}`,
  );
  out.push("", "Notifications (RL16):");
  if (trace.notifications.length === 0) out.push("  none");
  for (const n of trace.notifications) {
    const window = n.window ? `window ${n.window.start} … ${n.window.end}` : "no window (withdrawn from its start)";
    const time = n.inTime ? "in time for this run" : `received after the cut-off ${trace.cutoffAt}`;
    const status =
      n.maintenanceOfRights === 1 ? "involuntary part-timer" : n.maintenanceOfRights === 0 ? "voluntary part-timer" : "status unknown";
    out.push(
      `  #${n.id} ${maskInszInText(n.messageRef)} from ${n.boardName ?? "unknown board"}, received ${n.receivedAt ?? "?"} (${time}), valid from ${n.validFrom ?? "?"}${n.withdrawnFrom ? `, withdrawn from ${n.withdrawnFrom}` : ""}: ${window}; maintenance_of_rights ${n.maintenanceOfRights ?? "?"} (${status}, shown only)`,
    );
    for (const p of n.problems) out.push(rejectedLine(p));
  }
  out.push(`Windows used: ${trace.windows.map((w) => `${w.start} … ${w.end}`).join(", ") || "none"}`);
  out.push("", "Assignments:");
  if (trace.assignments.length === 0) out.push("  none read");
  for (const a of trace.assignments) {
    out.push(
      `  #${a.id} ${a.institution ?? "unknown institution"} (${a.level ?? "?"}, ${a.board ?? "unknown board"}) ${a.start ?? "?"} … ${a.end ?? "open"}, fraction ${a.fraction ?? "?"}, theoretical salary ${euro(a.monthlySalary)}`,
    );
    for (const p of a.problems) out.push(rejectedLine(p));
  }
  out.push("", "Months (WECH006: occupation < limit AND gross < threshold):");
  if (trace.months.length === 0) out.push("  none in a window up to the run month");
  for (const m of trace.months) {
    out.push(`  ${m.month}:`);
    for (const f of m.inForce) out.push(`     assignment #${f.assignmentId} ${f.fraction} in force ${f.from} … ${f.to}`);
    out.push(`     occupation ${EN.percent(m.occupationPerMille)} over ${m.occupiedDays} occupied days`);
    for (const l of m.lines) {
      out.push(
        `     salary line #${l.id} ${euro(l.gross)} paid ${l.paidOn ?? "?"} for assignment #${l.countsFor ?? "none"}${l.assignmentId === null ? " (no assignment on the line: largest fraction)" : ""}: ${l.counted ? "counted" : "not counted"}, ${l.why}`,
      );
    }
    out.push(`     gross (counted codes) ${euro(m.monthGross)}, threshold ${euro(m.threshold)}`);
  }
  out.push("", "Decisions (as the rules see the data now):");
  if (trace.units.length === 0) out.push("  none");
  for (const u of trace.units) {
    const what = `${u.formType} assignment #${u.assignmentId}${u.referencePeriod ? ` ${u.referencePeriod}` : ""}`;
    const o = u.outcome;
    if (o.status === "declared") {
      out.push(`  ${what}: declare — ${declaredText(o.declaration)}${o.flags && o.flags.length > 0 ? ` [${o.flags.join(", ")}]` : ""}`);
    } else if (o.status === "not-eligible") {
      out.push(`  ${what}: not eligible — ${o.reason}: ${o.detail}`);
    } else if (o.status === "waiting") {
      out.push(`  ${what}: waiting — ${o.reason}: ${o.detail}`);
    } else {
      out.push(`  ${what}: rejected — ${o.rule}: ${maskInszInText(o.detail)}`);
    }
  }
  out.push("", "Sent:");
  if (trace.sent.length === 0) out.push("  nothing sent for this person");
  for (const s of trace.sent) {
    out.push(
      `  ${s.formType} assignment #${s.assignmentId}${s.referencePeriod ? ` ${s.referencePeriod}` : ""}: run ${s.runId} (${s.runMonth}), ${s.fileName}, form ${s.sequenceNbr}`,
    );
  }
  // The notifications' and assignments' own problems are listed with them above; here the rest
  // (staff member, salary lines, benefits rows), which reject the person's units as well.
  const elsewhere = trace.problems.filter((p) => p.table !== "rl16_notification" && p.table !== "assignment");
  if (elsewhere.length > 0) {
    out.push("", "Other records that break the contract:");
    for (const p of elsewhere)
      out.push(`  ${p.table} ${p.recordId}, ${p.field} = ${maskInszInText(p.value)}: ${EN.rejectionRules[p.rule]}`);
  }
  for (const note of trace.notes) out.push(`Note: ${note}`);
  return out;
}
