/**
 * What both benefits forms (ZIMA002, ZIMA005) need about one person, checked once: the identity (or
 * the problem that rejects every unit of the person), each assignment with the problems that block a
 * ZIMA form on it and its occupation facts, the salary lines, and the benefits-table records.
 * The theoretical salary is no part of a ZIMA form: a missing monthly_salary blocks only a severance block.
 */
import type {
  AdaptedWorkRecord,
  AssignmentRecord,
  DayNatureRecord,
  HolidayBalanceRecord,
  PerformanceLineRecord,
  PersonSourceData,
  StaffRecord,
} from "../domain/ministry-records";
import { ZERO_CENTS } from "../domain/money";
import { type RecordProblem, recordProblem } from "../domain/outcome-codes";
import { rejected } from "./outcome-builders";
import type { AssignmentContext, DecisionUnit, OccupationFacts, PersonIdentity, UnitOutcome } from "./decision-types";
import { assignmentContext, type CheckedSalaryLine, identifyPerson, occupationFacts, type RunFrame } from "./person-context";
import { assignmentProblems, salaryLineProblems } from "./record-validation";

export interface BenefitsAssignment {
  readonly record: AssignmentRecord;
  /** Problems that prevent any ZIMA form on this assignment (the monthly_salary ones excepted). */
  readonly blockers: readonly RecordProblem[];
  /** Problems of monthly_salary: they block only a severance block (its covered period needs it). */
  readonly salaryProblems: readonly RecordProblem[];
  /** Null when a blocker prevents declaring it; monthlySalary 0 when the source has none. */
  readonly facts: OccupationFacts | null;
  readonly context: AssignmentContext;
}

export interface BenefitsPerson {
  readonly staffId: number;
  readonly identity: PersonIdentity | null;
  /** The staff row (null when unknown): the forms that need a sex read it (D21). */
  readonly staff: StaffRecord | null;
  /** The problem that rejects every unit of the person (unknown staff, invalid INSZ ...). */
  readonly personProblem: RecordProblem | null;
  /** Every problem of the staff row, for the report. */
  readonly staffProblems: readonly RecordProblem[];
  readonly assignments: ReadonlyMap<number, BenefitsAssignment>;
  readonly salaryLines: readonly CheckedSalaryLine[];
  readonly adaptedWork: readonly AdaptedWorkRecord[];
  readonly performanceLines: readonly PerformanceLineRecord[];
  readonly dayNatures: readonly DayNatureRecord[];
  readonly holidayBalances: readonly HolidayBalanceRecord[];
}

/** Worker codes of civil servants (6xx): never on a temporary or contractual assignment (D25). */
const CIVIL_SERVANT_WORKER_CODE = /^6\d\d$/;

/** The context of a unit whose assignment does not exist: only its id is known. */
export function unknownAssignmentContext(assignmentId: number): AssignmentContext {
  return {
    assignmentId,
    boardId: null,
    boardName: null,
    agency: null,
    institutionId: null,
    institutionName: null,
    level: null,
    jobTitle: null,
    startDate: null,
    endDate: null,
    numerator: null,
    denominator: null,
    monthlySalary: null,
  };
}

/** Which required part of the occupation is missing, when occupationFacts finds none without a reported problem. */
function missingOccupationPart(record: AssignmentRecord): RecordProblem {
  const missing: [string, unknown][] = [
    ["institution_id", record.institutionId],
    ["start_date", record.startDate],
    ["hours_numerator", record.numerator],
    ["hours_denominator", record.denominator],
  ];
  const field = missing.find(([, value]) => value === null)?.[0] ?? "institution_id";
  const value = field === "institution_id" && record.institutionId !== null ? String(record.institutionId) : "NULL";
  return {
    table: "assignment",
    recordId: String(record.id),
    field,
    rule: field === "institution_id" && record.institutionId !== null ? "UNKNOWN_INSTITUTION" : "FIELD_REQUIRED",
    value,
  };
}

function checkAssignment(record: AssignmentRecord, frame: RunFrame): BenefitsAssignment {
  const found = assignmentProblems(record, frame.references, frame.parameters);
  const salaryProblems = found.filter((p) => p.table === "assignment" && p.field === "monthly_salary");
  const blockers = found.filter((p) => !salaryProblems.includes(p));
  const usableSalary = salaryProblems.length === 0 && record.monthlySalary !== null ? record.monthlySalary : ZERO_CENTS;
  let facts = blockers.length === 0 ? occupationFacts({ ...record, monthlySalary: usableSalary }, frame) : null;
  if (blockers.length === 0 && facts === null) blockers.push(missingOccupationPart(record));
  if (blockers.length > 0) facts = null;
  return { record, blockers, salaryProblems, facts, context: assignmentContext(record, frame) };
}

export function prepareBenefitsPerson(source: PersonSourceData, frame: RunFrame): BenefitsPerson {
  // An unknown staff member is reported on the first benefits row that names them.
  const named: readonly [string, readonly { readonly id: number }[] | undefined][] = [
    ["adapted_work", source.adaptedWork],
    ["holiday_balance", source.holidayBalances],
    ["breastfeeding_break", source.breastfeedingBreaks],
    ["work_resumption", source.workResumptions],
  ];
  const [table, rows] = named.find(([, list]) => (list ?? []).length > 0) ?? ["breastfeeding_break", []];
  const { identity, personProblem, staffProblems: staff } = identifyPerson(source, frame, { table, id: rows?.[0]?.id ?? "" });
  const assignmentIds = new Set(source.assignments.map((a) => a.id));
  return {
    staffId: source.staffId,
    identity,
    staff: source.staff,
    personProblem,
    staffProblems: staff,
    assignments: new Map(source.assignments.map((record) => [record.id, checkAssignment(record, frame)])),
    salaryLines: source.salaryLines.map((record) => ({ record, problems: salaryLineProblems(record, assignmentIds) })),
    adaptedWork: source.adaptedWork ?? [],
    performanceLines: source.performanceLines ?? [],
    dayNatures: source.dayNatures ?? [],
    holidayBalances: source.holidayBalances ?? [],
  };
}

/** What one benefits form's decision gives back for a person. */
export interface BenefitsFormResult {
  readonly units: DecisionUnit[];
  /** The broken records it looked at: benefits rows, and the staff or assignment rows that rejected a unit. */
  readonly problems: RecordProblem[];
  readonly notes: string[];
}

/**
 * Whether a benefits form can be declared on an assignment — its occupation facts — or why not:
 * - D25: appointed (statutory) staff are not insured for sickness benefits — not eligible
 *   NOT_BENEFITS_INSURED (glossary 00048 of ZIMA001: "statutaire ambtenaren geen gerechtigde bij de
 *   verplichte uitkeringsverzekering");
 * - a civil-servant worker code (6xx) on a temporary or contractual assignment is a data error;
 * - a problem of the assignment (or its institution or board) that blocks every ZIMA form on it.
 */
export function benefitsAssignmentCheck(
  assignment: BenefitsAssignment,
): { facts: OccupationFacts } | { notEligible: UnitOutcome } | { problem: RecordProblem } {
  const record = assignment.record;
  if (record.status === "V") {
    return {
      notEligible: {
        status: "not-eligible",
        reason: "NOT_BENEFITS_INSURED",
        detail: `assignment ${record.id} is an appointment (status V)`,
        fingerprint: "NOT_BENEFITS_INSURED|V",
      },
    };
  }
  if ((record.status === "T" || record.status === "C") && record.workerCode !== null && CIVIL_SERVANT_WORKER_CODE.test(record.workerCode)) {
    return {
      problem: {
        table: "assignment",
        recordId: String(record.id),
        field: "worker_code",
        rule: "WORKER_CODE_CIVIL_SERVANT",
        value: `${record.workerCode} with status ${record.status}`,
      },
    };
  }
  if (assignment.blockers.length > 0 || assignment.facts === null) return { problem: assignment.blockers[0] };
  return { facts: assignment.facts };
}

/**
 * The occupation a benefits unit of one assignment is declared on, or what stops it: the person's own
 * problem, an assignment that does not exist (UNKNOWN_ASSIGNMENT on the row `table` `rowId` that names
 * it), or what {@link benefitsAssignmentCheck} says.
 */
export function occupationOrStop(
  person: BenefitsPerson,
  assignmentId: number,
  table: string,
  rowId: number,
): { readonly stop: UnitOutcome } | { readonly occupation: OccupationFacts } {
  if (person.personProblem) return { stop: rejected(person.personProblem) };
  const assignment = person.assignments.get(assignmentId);
  if (!assignment) return { stop: rejected(recordProblem(table, rowId, "assignment_id", "UNKNOWN_ASSIGNMENT", String(assignmentId))) };
  const checked = benefitsAssignmentCheck(assignment);
  if ("problem" in checked) return { stop: rejected(checked.problem) };
  if ("notEligible" in checked) return { stop: checked.notEligible };
  return { occupation: checked.facts };
}
