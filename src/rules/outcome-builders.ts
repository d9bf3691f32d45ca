/** Small constructors for unit outcomes, so that every rejection carries its rule, detail and record. */
import { REJECTION_RULES, type RecordProblem } from "../domain/outcome-codes";
import type { UnitOutcome } from "./decision-types";

export function rejected(problem: RecordProblem): UnitOutcome {
  return {
    status: "rejected",
    rule: problem.rule,
    problem,
    detail: `${problem.table} ${problem.recordId}, ${problem.field} = ${problem.value}: ${REJECTION_RULES[problem.rule].en}`,
  };
}
