/** A staff_member row of the build note's worked examples (zima-1-3-6.md): born in the 1900s on the date the INSZ gives. */
import type { ContractRow } from "../../src/source/contract-writer";

export function exampleStaff(id: number, insz: string, gender: "F" | "M" = "F"): ContractRow {
  return {
    id,
    insz,
    last_name: `Staff${id}`,
    first_name: "An",
    birth_date: `19${insz.slice(0, 2)}-${insz.slice(2, 4)}-${insz.slice(4, 6)}`,
    gender,
    country_code: "150",
  };
}
