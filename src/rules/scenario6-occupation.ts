/**
 * The WECH006 units of one month's occupations once the month itself is decidable, below the limit and
 * the threshold, and not waiting for its pay (scenario6.ts): one unit per occupation (month-occupations.ts),
 * the other rows of a joined occupation not eligible PART_OF_ANOTHER_OCCUPATION; per occupation the
 * records' problems, a rejected start of part-time work, a full-time month (D15) and the amounts' bounds.
 */
import type { DeclarationFlag, RecordProblem } from "../domain/outcome-codes";
import { type Cents, formatEuro, sumCents, ZERO_CENTS } from "../domain/money";
import type { DecisionUnit } from "./decision-types";
import { coversWholeMonth, fullTimeSalary, averageQ, type MonthOccupation, monthOccupations, occupationDates } from "./month-occupations";
import { rejected } from "./outcome-builders";
import type { CheckedAssignment, PersonContext, RunFrame } from "./person-context";
import { MAX_FORM_AMOUNT } from "./record-validation";
import type { MonthJudgement } from "./scenario6";

export interface UnitMakers {
  readonly unit: (a: CheckedAssignment, outcome: DecisionUnit["outcome"]) => DecisionUnit;
  /** Whether the unit was decided on the same fingerprint before (then counted, not decided again). */
  readonly remembered: (a: CheckedAssignment, fingerprint: string) => boolean;
}

function amountProblem(occupation: MonthOccupation, month: string, amount: Cents, field: string): RecordProblem | null {
  const recordId = `assignment ${occupation.rows.map((r) => r.record.id).join("+")} ${month}`;
  if (amount > MAX_FORM_AMOUNT)
    return {
      table: field === "monthly_salary" ? "assignment" : "salary_line",
      recordId,
      field,
      rule: "AMOUNT_TOO_LARGE",
      value: formatEuro(amount),
    };
  if (amount < 0) return { table: "salary_line", recordId, field, rule: "NEGATIVE_ASSIGNMENT_AMOUNT", value: formatEuro(amount) };
  return null;
}

/** What the operator should see on a declared month (D16, D17). */
function flagsOf(judgement: MonthJudgement): DeclarationFlag[] {
  const flags: DeclarationFlag[] = [];
  if (judgement.withoutPay.length > 0) flags.push("DECLARED_WITHOUT_PAY");
  if (judgement.withoutPay.length > 0 && judgement.released) flags.push("RELEASED_BY_OPERATOR");
  if (judgement.gross.severance) flags.push("SEVERANCE_IN_MONTH");
  return flags;
}

/** The outcome of one occupation's unit (its first row's). */
function occupationOutcome(
  person: PersonContext,
  occupation: MonthOccupation,
  judgement: MonthJudgement,
  frame: RunFrame,
  startRejections: ReadonlyMap<number, RecordProblem>,
): DecisionUnit["outcome"] | { fullTime: string } {
  const head = occupation.rows[0];
  if (head.problems.length > 0 || head.facts === null) return rejected(head.problems[0]);
  const start = occupation.rows.map((r) => startRejections.get(r.record.id)).find((p) => p !== undefined);
  if (start) return rejected({ ...start, rule: "START_OF_PART_TIME_WORK_REJECTED", value: `${start.rule}: ${start.value}` });
  const month = judgement.month;
  const joined = occupation.rows.length > 1;
  const facts = head.facts;
  if (!joined && (facts.q > facts.s || (facts.q === facts.s && coversWholeMonth(occupation, month)))) {
    return { fullTime: `Q ${facts.q} >= S ${facts.s} over the whole month ${month}` };
  }
  const exactSalary = sumCents(occupation.rows.map((r) => judgement.gross.byAssignment.get(r.record.id) ?? ZERO_CENTS));
  const theoreticalSalary = joined ? fullTimeSalary(head) : facts.monthlySalary;
  const problem =
    amountProblem(occupation, month, exactSalary, "gross_amount") ?? amountProblem(occupation, month, theoreticalSalary, "monthly_salary");
  if (problem) return rejected(problem);
  const dates = occupationDates(occupation, month);
  const flags = flagsOf(judgement);
  return {
    status: "declared",
    declaration: {
      formType: "WECH006",
      person: person.identity!,
      occupation: facts,
      referencePeriod: month,
      occupationStartingDate: dates.start,
      occupationEndingDate: dates.end,
      occupationInterruption: joined
        ? frame.parameters.formDefaults.occupationInterruptionChangingQ
        : frame.parameters.formDefaults.occupationInterruption,
      meanWorkingHours: joined ? averageQ(occupation.rows, month) : facts.q,
      theoreticalSalary,
      exactSalary,
      assignmentIds: occupation.rows.map((r) => r.record.id),
      facts: judgement.facts,
    },
    ...(flags.length > 0 ? { flags } : {}),
  };
}

export function occupationUnits(
  person: PersonContext,
  open: readonly CheckedAssignment[],
  judgement: MonthJudgement,
  frame: RunFrame,
  startRejections: ReadonlyMap<number, RecordProblem>,
  make: UnitMakers,
): DecisionUnit[] {
  const units: DecisionUnit[] = [];
  for (const occupation of monthOccupations(open, judgement.month)) {
    const head = occupation.rows[0];
    for (const row of occupation.rows.slice(1)) {
      const detail = `assignment ${row.record.id} continues assignment ${head.record.id} at institution ${head.context.institutionId} in ${judgement.month}: one form, 00769 = 3`;
      const fingerprint = `PART_OF_ANOTHER_OCCUPATION|${head.record.id}`;
      if (!make.remembered(row, fingerprint))
        units.push(
          make.unit(row, { status: "not-eligible", reason: "PART_OF_ANOTHER_OCCUPATION", detail, facts: judgement.facts, fingerprint }),
        );
    }
    const outcome = occupationOutcome(person, occupation, judgement, frame, startRejections);
    if (!("fullTime" in outcome)) {
      units.push(make.unit(head, outcome));
      continue;
    }
    const fingerprint = `FULL_TIME_ASSIGNMENT|${outcome.fullTime}`;
    if (!make.remembered(head, fingerprint))
      units.push(
        make.unit(head, {
          status: "not-eligible",
          reason: "FULL_TIME_ASSIGNMENT",
          detail: outcome.fullTime,
          facts: judgement.facts,
          fingerprint,
        }),
      );
  }
  return units;
}
