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

/** An assignment row as the build note's examples give them: institution, dates, hours, days a week, monthly salary, status, and any other columns. */
export function exampleAssignment(
  id: number,
  staffId: number,
  institution: number,
  start: string,
  end: string | null,
  hours: readonly [string, string],
  days: string,
  salary: string,
  status = "C",
  other: ContractRow = {},
): ContractRow {
  return {
    id,
    staff_id: staffId,
    institution_id: institution,
    start_date: start,
    end_date: end,
    hours_numerator: hours[0],
    hours_denominator: hours[1],
    days_per_week: days,
    status,
    monthly_salary: salary,
    ...other,
  };
}
