/**
 * A run's output with ZIMA002 and ZIMA005 declarations, made without a database: decisions.jsonl
 * written by the run's own DecisionLog from hand-made person decisions, and the run summary that goes
 * with it (one FI.ZIMA file per form type). For the report and payslip tests of the benefits sector,
 * so that they do not depend on which persons the rules would pick.
 *
 * Staff 81 (board 30): ZIMA002 sub-risk 2 (maternity protection) of 2017-09 with two reference periods
 * (the adapted Q changes on the 16th), exact wages 01 EUR 1234,56 and 05 EUR 100,00, severance pay.
 * Staff 82 (board 31): ZIMA002 sub-risk 1 (services) of 2017-09, and ZIMA005 holiday year 2016, sub-risk 1,
 * sector 1, codes 1 (20 days) and 2 (4,5 days, 32 hours).
 * Staff 83 (board 30): ZIMA005 holiday year 2016 sub-risk 2, public sector (no details); and a rejected
 * ZIMA002 unit.
 */
import { cents } from "../../src/domain/money";
import { holidayYearPeriod } from "../../src/domain/reference-period";
import type { DecisionUnit, OccupationFacts, PersonDecision, Zima002Declaration, Zima005Declaration } from "../../src/rules/decision-types";
import { perFormType } from "../../src/rules/decision-types";
import { DecisionLog } from "../../src/run/decision-log";
import type { RunSummary } from "../../src/run-record";

export const BENEFITS_MONTH = "2017-10";
export const ZIMA002_FILE = "FI.ZIMA.900123.20171016.00011.T";
export const ZIMA005_FILE = "FI.ZIMA.900123.20171016.00012.T";

function occupation(staffId: number, boardId: number): OccupationFacts {
  return {
    assignmentId: staffId * 10 + 1,
    institutionId: boardId,
    institutionName: boardId === 30 ? "Atheneum Aangepast" : "Basisschool Vakantie",
    level: "SO",
    boardId,
    boardName: boardId === 30 ? "Bestuur Dertig" : "Bestuur Eenendertig",
    agency: "AGODI",
    startDate: "2015-09-01",
    endDate: null,
    numerator: 1600,
    denominator: 3200,
    q: 1600,
    s: 3200,
    daysPerWeek: 500,
    monthlySalary: cents(250000),
    employerClass: "011",
    workerCode: "495",
    jointCommittee: "999",
  };
}

const person = (staffId: number) => ({ staffId, insz: `850730033${staffId}`.slice(0, 11), lastName: `Naam${staffId}`, firstName: "An" });

export const MATERNITY: Zima002Declaration = {
  formType: "ZIMA002",
  person: person(81),
  occupation: occupation(81, 30),
  referencePeriod: "2017-09",
  subRisk: 2,
  periods: [
    {
      adaptedWorkId: 1,
      start: "2017-09-01",
      end: "2017-09-15",
      adaptedQ: 1000,
      adaptedDaysPerWeek: 300,
      services: [],
      dayNatures: [{ day: "2017-09-04", code: "3.1", hours: 760 }],
      exactWages: [],
      severance: null,
    },
    {
      adaptedWorkId: 2,
      start: "2017-09-16",
      end: "2017-09-30",
      adaptedQ: 1950,
      adaptedDaysPerWeek: 400,
      services: [],
      dayNatures: [
        { day: "2017-09-18", code: "3.1", hours: 760 },
        { day: "2017-09-19", code: "5.1", hours: 760 },
      ],
      exactWages: [
        { code: "01", amount: cents(123456) },
        { code: "05", amount: cents(10000) },
      ],
      severance: { start: "2017-09-20", end: "2017-09-30", amount: cents(50000) },
    },
  ],
};

export const INCAPACITY: Zima002Declaration = {
  formType: "ZIMA002",
  person: person(82),
  occupation: occupation(82, 31),
  referencePeriod: "2017-09",
  subRisk: 1,
  periods: [
    {
      adaptedWorkId: 3,
      start: "2017-09-01",
      end: "2017-09-30",
      adaptedQ: 1900,
      adaptedDaysPerWeek: 500,
      services: [{ code: "1", days: 1000, hours: 7600 }],
      dayNatures: [],
      exactWages: [],
      severance: null,
    },
  ],
};

export const HOLIDAY_PRIVATE: Zima005Declaration = {
  formType: "ZIMA005",
  person: person(82),
  occupation: occupation(82, 31),
  holidayYear: 2016,
  subRisk: 1,
  holidaySector: 1,
  adaptedWork: null,
  details: [
    { code: 1, days: 2000, hours: null },
    { code: 2, days: 450, hours: 3200 },
  ],
};

export const HOLIDAY_PUBLIC: Zima005Declaration = {
  formType: "ZIMA005",
  person: person(83),
  occupation: occupation(83, 30),
  holidayYear: 2016,
  subRisk: 2,
  holidaySector: 2,
  adaptedWork: null,
  details: [],
};

function context(o: OccupationFacts) {
  return {
    assignmentId: o.assignmentId,
    boardId: o.boardId,
    boardName: o.boardName,
    agency: o.agency,
    institutionId: o.institutionId,
    institutionName: o.institutionName,
    level: o.level,
    jobTitle: "leraar",
    startDate: o.startDate,
    endDate: o.endDate,
    numerator: o.numerator,
    denominator: o.denominator,
    monthlySalary: o.monthlySalary,
  };
}

function declaredUnit(declaration: Zima002Declaration | Zima005Declaration): DecisionUnit {
  return {
    formType: declaration.formType,
    staffId: declaration.person.staffId,
    assignmentId: declaration.occupation.assignmentId,
    context: context(declaration.occupation),
    referencePeriod: declaration.formType === "ZIMA002" ? declaration.referencePeriod : holidayYearPeriod(declaration.holidayYear),
    outcome: { status: "declared", declaration },
  };
}

function decision(staffId: number, units: DecisionUnit[]): PersonDecision {
  const identity = [MATERNITY, INCAPACITY, HOLIDAY_PRIVATE, HOLIDAY_PUBLIC].find((d) => d.person.staffId === staffId)!.person;
  return {
    staffId,
    identity,
    notifications: [],
    windows: [],
    lateNotifications: [],
    status: units.some((u) => u.outcome.status === "declared") ? "declared" : "rejected",
    reason: null,
    units,
    problems: [],
    previouslyDeclared: perFormType(() => 0),
    previouslyDecided: perFormType(() => 0),
    notes: [],
    sectors: new Set(["ZIMA"]),
  } as PersonDecision;
}

/** The persons of the fixture with their declared units' sequence numbers in their file. */
export function benefitsDecisions(): { decision: PersonDecision; placements: Map<number, number> }[] {
  const rejected: DecisionUnit = {
    formType: "ZIMA002",
    staffId: 83,
    assignmentId: 831,
    context: context(occupation(83, 30)),
    referencePeriod: "2017-09",
    outcome: {
      status: "rejected",
      rule: "FIELD_NOT_A_NUMBER",
      detail: "adapted_work 9: adapted_q is not a number",
      problem: { table: "adapted_work", recordId: "9", field: "adapted_q", rule: "FIELD_NOT_A_NUMBER", value: "x" },
    },
  };
  return [
    { decision: decision(81, [declaredUnit(MATERNITY)]), placements: new Map([[0, 1]]) },
    {
      decision: decision(82, [declaredUnit(INCAPACITY), declaredUnit(HOLIDAY_PRIVATE)]),
      placements: new Map([
        [0, 2],
        [1, 1],
      ]),
    },
    { decision: decision(83, [declaredUnit(HOLIDAY_PUBLIC), rejected]), placements: new Map([[0, 2]]) },
  ];
}

/** Writes `<dir>/decisions.jsonl` with the DecisionLog and returns the run summary that goes with it. */
export async function writeBenefitsRun(dir: string): Promise<RunSummary> {
  const decisionsFile = `${dir}/decisions.jsonl`;
  const log = new DecisionLog(decisionsFile);
  for (const { decision: d, placements } of benefitsDecisions()) await log.person(d, placements);
  await log.close();
  const counts = () => ({
    considered: 0,
    declared: 0,
    notEligible: 0,
    waiting: 0,
    rejected: 0,
    unchanged: 0,
    notEligibleByReason: {},
    waitingByReason: {},
    rejectedByRule: {},
    originals: 0,
    modifications: 0,
    cancellations: 0,
    flagged: {},
  });
  const forms = perFormType(counts);
  Object.assign(forms.ZIMA002, { considered: 3, declared: 2, originals: 2, rejected: 1, rejectedByRule: { FIELD_NOT_A_NUMBER: 1 } });
  Object.assign(forms.ZIMA005, { considered: 2, declared: 2, originals: 2 });
  const file = (formType: "ZIMA002" | "ZIMA005", fileName: string) => ({
    formType,
    fileName,
    goFileName: `GO${fileName.slice(2)}`,
    forms: 2,
    sha256: "0".repeat(64),
    bytes: 1,
  });
  return {
    runId: 7,
    runMonth: BENEFITS_MONTH,
    environment: "T",
    dryRun: false,
    cutoffAt: "2017-10-16 16:00:00",
    startedAt: "2017-10-16T18:00:00.000+02:00",
    finishedAt: "2017-10-16T18:01:00.000+02:00",
    employer: { nossNumber: "123456749", kboNumber: "0123456749", senderNumber: "900123" },
    previousRun: null,
    persons: {
      considered: 3,
      declared: 3,
      notEligible: 0,
      waiting: 0,
      rejected: 0,
      unchanged: 0,
      notEligibleByReason: {},
      waitingByReason: {},
      rejectedByRule: {},
    },
    forms,
    rejectedRecords: { count: 0, byRule: {}, items: [] },
    files: [file("ZIMA002", ZIMA002_FILE), file("ZIMA005", ZIMA005_FILE)],
    outputDir: dir,
    summaryFile: null,
    decisionsFile,
    reportSuffix: "",
    message: "month 2017-10 (T): 4 forms declared in 2 file(s)",
    notes: [],
    warnings: [],
  } as unknown as RunSummary;
}
