/** The run summary as an operator reads it on the terminal. */
import type { OutcomeCounts, RunSummary } from "../run-record";
import { terminalValue } from "../util/terminal-text";

const SHOWN_REJECTIONS = 20;

function breakdown(map: Partial<Record<string, number>>): string {
  const entries = Object.entries(map);
  return entries.length === 0 ? "" : ` [${entries.map(([k, v]) => `${k} ${v}`).join(", ")}]`;
}

/** D26: considered = declared + not eligible + waiting + rejected + unchanged, with the reasons. */
function line(label: string, c: OutcomeCounts, extra = ""): string {
  return (
    `${label.padEnd(9)} considered ${c.considered} = declared ${c.declared} + not eligible ${c.notEligible}${breakdown(c.notEligibleByReason)}` +
    ` + waiting ${c.waiting}${breakdown(c.waitingByReason)} + rejected ${c.rejected}${breakdown(c.rejectedByRule)} + unchanged ${c.unchanged}${extra}`
  );
}

export function summaryLines(summary: RunSummary): string[] {
  const head = `Run ${summary.runMonth} (${summary.environment})${summary.runId !== null ? `, run ${summary.runId}` : ", dry run"}, cut-off ${summary.cutoffAt}`;
  const lines = [head, line("persons", summary.persons)];
  for (const [formType, counts] of Object.entries(summary.forms)) {
    const declared = [
      counts.modifications > 0 ? `${counts.modifications} modifications` : "",
      counts.cancellations > 0 ? `${counts.cancellations} cancellations` : "",
      ...Object.entries(counts.flagged).map(([flag, n]) => `${n} ${flag}`),
    ].filter((text) => text !== "");
    lines.push(line(formType, counts, declared.length > 0 ? `; of the declared ${declared.join(", ")}` : ""));
  }
  const held = Object.values(summary.forms).reduce((n, c) => n + (c.waitingByReason.HELD_REISSUE ?? 0), 0);
  if (held > 0)
    lines.push(
      `held     ${held} corrections a rule change caused (data unchanged): listed in the workbook; send them with --accept-reissue`,
    );
  for (const warning of summary.warnings) lines.push(`warning  ${warning}`);
  if (summary.rejectedRecords.count > 0) {
    lines.push(`records breaking the contract: ${summary.rejectedRecords.count}${breakdown(summary.rejectedRecords.byRule)}`);
    for (const item of summary.rejectedRecords.items.slice(0, SHOWN_REJECTIONS)) {
      lines.push(
        `  rejected ${item.table} ${item.recordId} (${item.staffId === null ? "of no staff member" : `staff ${item.staffId}`}): ${item.field} = ${terminalValue(item.value)}: ${item.explanation}`,
      );
    }
    const more = summary.rejectedRecords.items.length - SHOWN_REJECTIONS;
    if (more > 0) lines.push(`  … and ${more} more in run-summary.json`);
  }
  // A dry run writes no GO file: naming one would say something can be picked up for transfer.
  for (const file of summary.files)
    lines.push(
      `file     ${file.fileName} (${file.forms} ${file.formType} forms) ${summary.dryRun ? "without GO file (dry run)" : `+ ${file.goFileName}`}`,
    );
  lines.push(summary.message);
  if (summary.summaryFile) lines.push(`summary  ${summary.summaryFile}`);
  return lines;
}
