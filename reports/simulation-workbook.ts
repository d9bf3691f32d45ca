/**
 * The what-if workbook of `easr simulate`: the parameters compared, the counts, and who would be added
 * or dropped with the figures behind it.
 */
import { rmSync } from "node:fs";
import { formatEuro, sumCents, ZERO_CENTS } from "../src/domain/money";
import type { PersonChange, SimulationResult } from "../src/run-record";
import { type ColumnDefinition, TableSheet, writeWorkbookAtomically } from "./excel-cells";

export interface SimulationWorkbookInput {
  readonly result: SimulationResult;
  /** Description of both parameter sets, e.g. "threshold EUR 1600.00, occupation limit 80 %". */
  readonly realParameters: string;
  readonly simulatedParameters: string;
  readonly outputPath: string;
}

const PERSON_COLUMNS: readonly ColumnDefinition<PersonChange>[] = [
  { header: "Staff id", width: 10, kind: "integer", value: (p) => p.staffId },
  { header: "Name", width: 28, kind: "text", value: (p) => p.name },
  { header: "INSZ (masked)", width: 14, kind: "text", value: (p) => p.inszMasked },
  { header: "School board(s)", width: 40, kind: "text", value: (p) => p.boards.join(" / ") },
  { header: "Month gross (EUR)", width: 16, kind: "euro", value: (p) => p.facts?.monthGross },
  { header: "Occupation (%)", width: 14, kind: "percent", value: (p) => p.facts?.occupationPerMille },
  { header: "Not eligible under (reason)", width: 32, kind: "text", value: (p) => p.notEligibleReason },
];

export async function writeSimulationWorkbook(input: SimulationWorkbookInput): Promise<void> {
  const { result } = input;
  // A simulation with the same parameters replaces the previous one.
  rmSync(input.outputPath, { force: true });
  await writeWorkbookAtomically(input.outputPath, async (workbook) => {
    const summary = new TableSheet<[string, string | number]>(workbook, "Summary", [
      { header: "Item", width: 40, kind: "text", value: (r) => r[0] },
      { header: "Value", width: 60, kind: "auto", value: (r) => r[1] },
    ]);
    for (const row of [
      ["Run month", result.runMonth],
      ["Real rules", input.realParameters],
      ["Simulated rules", input.simulatedParameters],
      ["Persons considered", result.persons],
      [`Eligible for WECH006 of ${result.runMonth}, real rules`, result.eligibleReal],
      [`Eligible for WECH006 of ${result.runMonth}, simulated`, result.eligibleSimulated],
      ["Added", result.added.length],
      ["Dropped", result.dropped.length],
      ["Gross added (EUR, month)", formatEuro(sumCents(result.added.map((p) => p.facts?.monthGross ?? ZERO_CENTS)))],
    ] as [string, string | number][]) {
      await summary.add(row);
    }
    summary.close();
    for (const [name, people] of [
      ["Added", result.added],
      ["Dropped", result.dropped],
    ] as const) {
      const sheet = new TableSheet(workbook, name, PERSON_COLUMNS);
      for (const person of people) await sheet.add(person);
      sheet.close();
    }
  });
}
