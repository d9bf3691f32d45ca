/** Plain source records for rule tests: sound defaults, the test names only what matters to it. */
import type { AbsenceRecord, AssignmentRecord } from "../../src/domain/ministry-records";
import { cents } from "../../src/domain/money";

/** A temporary part-time assignment at institution 1 from 1 September 2017, open-ended, EUR 1500.00 a month: `overrides` say the rest. */
export function assignmentRecord(overrides: Partial<AssignmentRecord> = {}): AssignmentRecord {
  return {
    id: 1,
    staffId: 1,
    institutionId: 1,
    startDate: "2017-09-01",
    endDate: null,
    numerator: 1100,
    denominator: 2200,
    daysPerWeek: null,
    jobTitle: null,
    status: "T",
    jointCommittee: null,
    employerCategory: null,
    workerCode: null,
    monthlySalary: cents(150000),
    payMode: null,
    laterColumnProblems: [],
    problems: [],
    ...overrides,
  };
}

/** zima-1-3-6.md's 1-C assignment 503: staff 1003 at institution 12, temporary, 16 of 20 hours over four days, 2400.00 a month, 2023-09-01 to 2024-06-30; with the given changes. */
export function assignment503(overrides: Partial<AssignmentRecord> = {}): AssignmentRecord {
  return assignmentRecord({
    id: 503,
    staffId: 1003,
    institutionId: 12,
    startDate: "2023-09-01",
    endDate: "2024-06-30",
    numerator: 1600,
    denominator: 2000,
    daysPerWeek: 400,
    status: "T",
    monthlySalary: cents(240_000),
    ...overrides,
  });
}

/** An absence of incapacity from 2024-02-05, reported the next morning (zima-1-3-6.md's 1-A), with the given changes. */
export function absenceRecord(id: number, staffId: number, overrides: Partial<AbsenceRecord> = {}): AbsenceRecord {
  return {
    id,
    staffId,
    assignmentId: null,
    kind: "INCAPACITY",
    firstDay: "2024-02-05",
    lastDay: null,
    relapseOfId: null,
    lastWorkingDay: null,
    paidUntil: null,
    paidDayCode: null,
    eventDate: null,
    certificateRef: null,
    prenatalRestStop: false,
    reportedAt: "2024-02-06 09:00:00",
    problems: [],
    ...overrides,
  };
}
