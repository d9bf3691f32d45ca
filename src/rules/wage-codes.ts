/** D16: what a salary line's wage code is for WECH006 (mappings/scenario6-conditions.ts). */
import type { Wech006WageCodes } from "./rule-parameters";

export type WageCodeClass = "counted" | "not-counted" | "severance" | "unknown";

export function wageCodeClass(code: string, codes: Wech006WageCodes): WageCodeClass {
  if (codes.counted.includes(code)) return "counted";
  if (codes.severance.includes(code)) return "severance";
  if (codes.notCounted.includes(code)) return "not-counted";
  return "unknown";
}
