/** Lines of a decisions.jsonl for the tests of reading and writing the record. */
import type { UnitLine } from "../../src/run-record";

/**
 * A WECH006 unit of staff 1 not eligible for its occupation, on an assignment and in a month; `where`
 * says where its assignment context is: `{ context }` in place (format 2, or as decided), `{ contextRef }`
 * by reference (format 3 as written).
 */
export function notEligibleUnitLine(assignmentId: number, referencePeriod: string, where: object): UnitLine {
  return {
    kind: "unit",
    staffId: 1,
    formType: "WECH006",
    assignmentId,
    referencePeriod,
    status: "not-eligible",
    reason: "OCCUPATION_AT_OR_ABOVE_LIMIT",
    detail: "occupation 81.8 % >= 80 %",
    facts: null,
    ...where,
  } as UnitLine;
}
