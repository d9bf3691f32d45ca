/**
 * The full-time-equivalent monthly gross of an assignment on a day, as the benefits forms take it
 * (ZIMA003 zone 00152, ZIMA001 zone 00191): the assignment_salary row in force that day (the greatest
 * valid_from on or before it), else the assignment's monthly_salary ("from: assignment", which the
 * rules report), else none.
 */
import type { CalendarDate } from "../domain/calendar-date";
import type { AssignmentSalaryRecord } from "../domain/ministry-records";
import type { Cents } from "../domain/money";
import type { OccupationFacts } from "./decision-types";

export function monthlyWageOn(
  day: CalendarDate,
  occupation: OccupationFacts,
  salaries: readonly AssignmentSalaryRecord[],
): { readonly amount: Cents | null; readonly from: "history" | "assignment" } {
  const inForce = salaries
    .filter((row) => row.assignmentId === occupation.assignmentId && row.validFrom !== null && row.validFrom <= day)
    .sort((a, b) => (a.validFrom! < b.validFrom! ? -1 : 1))
    .at(-1);
  if (inForce) return { amount: inForce.monthlySalary, from: "history" };
  return { amount: occupation.monthlySalary > 0 ? occupation.monthlySalary : null, from: "assignment" };
}
