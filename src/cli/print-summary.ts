/** The run summary as an operator reads it on the terminal. */
import type { RunSummary } from "../run/monthly-run";
import type { OutcomeCounts } from "../run/run-tally";

const SHOWN_REJECTIONS = 20;

function breakdown(map: Partial<Record<string, number>>): string {
  const entries = Object.entries(map);
  return entries.length === 0 ? "" : ` [${entries.map(([k, v]) => `${k} ${v}`).join(", ")}]`;
}

function line(label: string, c: OutcomeCounts, extra = ""): string {
  return `${label.padEnd(9)} considered ${c.considered} = declared ${c.declared} + not eligible ${c.notEligible}${breakdown(c.notEligibleByReason)} + rejected ${c.rejected}${breakdown(c.rejectedByRule)}${extra}`;
}

export function summaryLines(summary: RunSummary): string[] {
  const head = `Run ${summary.runMonth} (${summary.environment})${summary.runId !== null ? `, run ${summary.runId}` : ", dry run"}, cut-off ${summary.cutoffAt}`;
  const lines = [head, line("persons", summary.persons)];
  for (const [formType, counts] of Object.entries(summary.forms)) {
    const earlier = [
      counts.previouslyDeclared > 0 ? `${counts.previouslyDeclared} declared in earlier runs` : "",
      counts.previouslyDecided > 0 ? `${counts.previouslyDecided} not eligible in earlier runs on unchanged facts` : "",
      counts.modifications > 0 ? `of the declared ${counts.modifications} modifications` : "",
      counts.cancellations > 0 ? `${counts.cancellations} cancellations` : "",
      counts.waiting > 0 ? `${counts.waiting} waiting for an answer before a correction` : "",
      counts.refusedUnchanged > 0 ? `${counts.refusedUnchanged} refused and unchanged since (to be fixed in the data)` : "",
    ].filter((text) => text !== "");
    lines.push(line(formType, counts, earlier.length > 0 ? `; ${earlier.join(", ")}` : ""));
  }
  if (summary.rejectedRecords.count > 0) {
    lines.push(`records breaking the contract: ${summary.rejectedRecords.count}${breakdown(summary.rejectedRecords.byRule)}`);
    for (const item of summary.rejectedRecords.items.slice(0, SHOWN_REJECTIONS)) {
      lines.push(`  rejected ${item.table} ${item.recordId} (staff ${item.staffId}): ${item.field} = ${item.value}: ${item.explanation}`);
    }
    const more = summary.rejectedRecords.items.length - SHOWN_REJECTIONS;
    if (more > 0) lines.push(`  … and ${more} more in run-summary.json`);
  }
  for (const file of summary.files) lines.push(`file     ${file.fileName} (${file.forms} ${file.formType} forms) + ${file.goFileName}`);
  lines.push(summary.message);
  if (summary.summaryFile) lines.push(`summary  ${summary.summaryFile}`);
  return lines;
}
