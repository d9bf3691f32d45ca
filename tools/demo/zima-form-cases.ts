/**
 * The demo's cases of the ZIMA forms added in 2026-12 — ZIMA003 (breastfeeding-cases.ts) and ZIMA006
 * (absence-cases.ts: ZIMA001, ZIMA006) — as one set of contract rows, table by table.
 */
import type { ContractRow, ContractRows } from "../../src/source/contract-writer";
import { breastfeedingCaseRows } from "./breastfeeding-cases";
import { absenceCaseRows } from "./absence-cases";

export function zimaFormCaseRows(): ContractRows {
  const merged: Record<string, ContractRow[]> = {};
  for (const part of [breastfeedingCaseRows(), absenceCaseRows()])
    for (const [table, rows] of Object.entries(part)) merged[table] = [...(merged[table] ?? []), ...(rows ?? [])];
  return merged as ContractRows;
}
