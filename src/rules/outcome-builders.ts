/** Small constructors for unit outcomes, so that every rejection carries its rule, detail and record. */
import type { RecordProblem } from "../domain/outcome-codes";
import { EN } from "../texts/en";
import type { UnitOutcome } from "./decision-types";

export function rejected(problem: RecordProblem): UnitOutcome {
  return {
    status: "rejected",
    rule: problem.rule,
    problem,
    detail: `${problem.table} ${problem.recordId}, ${problem.field} = ${problem.value}: ${EN.rejectionRules[problem.rule]}`,
  };
}
