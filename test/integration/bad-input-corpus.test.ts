/**
 * The bad-input corpus (domain.md D10): one database holding the circular's nine
 * examples — the good persons — next to one notified person per kind of contract violation, run month
 * by month through the real CLI path. Every violation must be reported with its rule, the record
 * (table, id, column) and the offending value; every bad person must be considered (never silently
 * dropped); the good persons' forms must be exactly those of a run on a database without the bad
 * rows; every file must validate; every summary must add up.
 *
 * The database is made by `easr db init`, then its contract tables are replaced by copies without
 * NOT NULL and UNIQUE (plain SQL): a real database may lack the constraints the contract promises.
 * SQLite also keeps "abc" in a DECIMAL column, which a server engine would refuse at INSERT; so the
 * corpus runs on SQLite, where every one of these rows can exist.
 *
 * Decisions this corpus pins down:
 * - A notification received after the school year of its valid_from had ended is not bad data (domain.md
 *   D18): the next run declares its window; it is no case of this corpus.
 * - A wage code on none of the WECH006 lists (D16) rejects the month that needs it (UNKNOWN_WAGE_CODE).
 * - The referenced employer must be sound: an institution whose board does not exist, an institution
 *   without board, a board whose agency is not AGODI/AHOVOKS or without name reject the occupations
 *   (and notifications) pointing at them, reported on the institution or board record itself.
 * - A salary line on another staff member's assignment is UNKNOWN_ASSIGNMENT, like one on an assignment
 *   that does not exist: the rule's text ("does not exist for this staff member") covers both, and
 *   telling them apart would cost a query for a nuance of wording.
 * - The assignment status must be T, V or C (FIELD_VALUE_NOT_ALLOWED): it classifies the occupation and
 *   its NULL was already refused. Columns the adapter never reads — gender, birth date, address,
 *   country, nationality — reject nobody: no form carries them (the glossary forbids the person's name,
 *   birth data and sex) and no rule uses them; nor do NULL occupation codes (D13).
 * - A malformed period_month is read and reported whatever it sorts like ("09/2017" used to fall
 *   outside the reader's text range and vanish).
 * - Earlier months' cut-offs do not matter for run M: it sees what arrived by M's own cut-off and
 *   declares every month up to M not declared before. A month without (or with an unreadable) cut-off
 *   fails its own run (exit 1, nothing written); the next month's run declares what it would have.
 * - Every notification is read, whatever its dates (D18): a window that ended more than the look-back
 *   limit before the run month is not eligible WINDOW_TOO_OLD; absurd dates are reported where they are
 *   read (assignments, received_at, a valid_from in the future, payment dates).
 */
import { readFileSync } from "node:fs";
import { boardRecords, boardWorkbookOf } from "../support/board-workbook-file";
import { join } from "node:path";
import { expect } from "chai";
import { CIRCULAR_EXAMPLES, circularExampleRows, PAYMENT_CALENDAR_ROWS } from "../../tools/demo/circular-examples";
import { makeInsz } from "../../src/domain/check-digits";
import { monthsFromTo } from "../../src/domain/year-month";
import { main } from "../../src/cli/main";
import type { RunSummary } from "../../src/run-record";
import { type ContractRow, type ContractRows, writeContractRowsToUrl } from "../../src/source/contract-writer";
import { CliWorkspace } from "../support/cli-harness";
import { relaxContractTables, runStatements } from "../support/contract-ddl";
import { ENGINES, requireEngine, type TestEngine } from "../support/database-servers";
import { formContents } from "../support/form-content";
import { expectSummaryAddsUp } from "../support/summary-checks";
import { type CellValue, readWorkbook, records } from "../support/workbook-tables";
import { expectFolderValid } from "../support/xsd-check";

const MONTHS = monthsFromTo("2017-09", "2018-09");
const FIRST = "2017-09";
const GOOD_INSZ = new Set(CIRCULAR_EXAMPLES.map((example) => String(example.rows.staff_member![0].insz)));

/** A record the run must list in run-summary.json `rejectedRecords.items`. */
interface RejectedRecord {
  readonly table: string;
  readonly recordId: string;
  readonly field: string;
  readonly rule: string;
  readonly value: string;
}

/** A decision unit the run must reject (decisions.jsonl) with the record it names. */
interface RejectedUnit {
  readonly formType: "WECH003" | "WECH006";
  readonly rule: string;
  readonly record: { readonly table: string; readonly recordId: string; readonly field: string; readonly value: string };
}

interface CorpusCase {
  readonly kind: string;
  readonly staffId: number;
  readonly rows: ContractRows;
  /** In the first run's rejectedRecords.items, for this staff id. */
  readonly records: readonly RejectedRecord[];
  /** In the first run's decisions.jsonl, for this staff id. */
  readonly units?: readonly RejectedUnit[];
  /** The person's status in the first run: rejected when nothing could be declared (not eligible when the bad row is no longer theirs). */
  readonly status: "rejected" | "declared" | "not-eligible";
  /** Records of no staff member the case adds: in rejectedRecords.items with staff id null. */
  readonly unowned?: readonly RejectedRecord[];
  /**
   * The bad value cannot be stored in a typed column ("abc" in a DECIMAL, 2999-02-30 in a DATE, a CHAR(11)
   * too long) or a server would change it on the way in (a zone offset dropped, a third decimal rounded):
   * only SQLite, whose columns keep what they are given, can hold it.
   */
  readonly sqliteOnly?: boolean;
}

interface Changes {
  /** Columns to change; null writes NULL. `false` leaves the row out. */
  readonly staff?: ContractRow | false;
  readonly assignment?: ContractRow | false;
  readonly salary?: ContractRow | false;
  readonly notification?: ContractRow | false;
  /** Further rows (boards, institutions, a second notification …). */
  readonly extra?: ContractRows;
}

const inszOf = (n: number): string => makeInsz("1980-01-01", n);

/**
 * A notified person who would be declared (12/24 at example 1's school, EUR 1100.00 a month, RL16
 * from 1 September received on the 4th) with the changes applied. Ids: staff and notification n,
 * assignment 10n, salary line 100n.
 */
function person(n: number, changes: Changes = {}): ContractRows {
  const rows: ContractRows = { ...changes.extra };
  const add = (table: keyof ContractRows, base: ContractRow, change: ContractRow | false | undefined) => {
    if (change === false) return;
    (rows[table] ??= []).push({ ...base, ...change });
  };
  add(
    "staff_member",
    { id: n, insz: inszOf(n), last_name: `Corpus${n}`, first_name: "Bad", birth_date: "1980-01-01", gender: "F", country_code: "BE" },
    changes.staff,
  );
  add(
    "assignment",
    {
      id: 10 * n,
      staff_id: n,
      institution_id: 1,
      start_date: "2017-09-01",
      end_date: "2018-06-30",
      hours_numerator: "12",
      hours_denominator: "24",
      status: "T",
      monthly_salary: "1100.00",
    },
    changes.assignment,
  );
  add(
    "salary_line",
    {
      id: 100 * n,
      staff_id: n,
      assignment_id: 10 * n,
      period_month: "2017-09",
      gross_amount: "1100.00",
      wage_code: "01",
      paid_on: "2017-09-25",
    },
    changes.salary,
  );
  add(
    "rl16_notification",
    {
      id: n,
      staff_id: n,
      board_id: 1,
      message_ref: `RL16-BAD-${n}`,
      received_at: "2017-09-04 09:00:00",
      valid_from: "2017-09-01",
      maintenance_of_rights: 1,
      fulltime_request: 1,
    },
    changes.notification,
  );
  return rows;
}

const record = (table: string, recordId: number | string, field: string, rule: string, value: string): RejectedRecord => ({
  table,
  recordId: String(recordId),
  field,
  rule,
  value,
});
const masked = (insz: string): string => "*".repeat(insz.length - 3) + insz.slice(-3);

/** One case per kind of violation; the person is rejected unless a salary line only blocks WECH006. */
function reject(kind: string, staffId: number, changes: Changes, ...records: RejectedRecord[]): CorpusCase {
  return { kind, staffId, rows: person(staffId, changes), records, status: "rejected" };
}

/** A broken salary line: the month's WECH006 is rejected with it, the WECH003 is still declared. */
function blockMonth(kind: string, staffId: number, salary: ContractRow, field: string, rule: string, value: string): CorpusCase {
  const problem = record("salary_line", 100 * staffId, field, rule, value);
  return {
    kind,
    staffId,
    rows: person(staffId, { salary }),
    records: [problem],
    units: [{ formType: "WECH006", rule, record: { table: problem.table, recordId: problem.recordId, field, value } }],
    status: "declared",
  };
}

/** The case, for SQLite only (see CorpusCase.sqliteOnly). */
const untyped = (c: CorpusCase): CorpusCase => ({ ...c, sqliteOnly: true });

const badCheckDigit = inszOf(101).slice(0, 9) + String((Number(inszOf(101).slice(9)) + 1) % 100).padStart(2, "0");

/**
 * An INSZ inside another column's value (a school board writing message refs as
 * "RL16-<INSZ>"), next to a run of 12 digits, which is a number and no INSZ: it stays as it is. A
 * rejected notification gives the person no unit, so no board row: the INSZ as a joint committee
 * rejects the assignment's units, which the board workbook lists (SQLite only: VARCHAR(10)).
 */
const INSZ_IN_REF = { insz: inszOf(182), number: "123456789012" } as const;
const REF_WITH_INSZ = `RL16-${INSZ_IN_REF.insz}/${INSZ_IN_REF.number}`;
const REF_MASKED = `RL16-${masked(INSZ_IN_REF.insz)}/${INSZ_IN_REF.number}`;
const INSZ_AS_JOINT_COMMITTEE = inszOf(186);
/** A value the reader cuts at 60 characters, an INSZ across the cut: masked first, so that no part of it stays in clear. */
const INSZ_ACROSS_THE_CUT = `${"x".repeat(50)}${inszOf(187)}`;
/** A value that would set the terminal's title (ESC ] 0 ; … BEL) and clear the screen (C1 CSI 2 J). */
const TERMINAL_CONTROL = "\x1b]0;X\x07\u009b2J";
const hostileCases = (): CorpusCase[] => [
  reject(
    "message_ref holding an INSZ, shared (first)",
    182,
    { notification: { message_ref: REF_WITH_INSZ } },
    record("rl16_notification", 182, "message_ref", "DUPLICATE_MESSAGE_REF", REF_MASKED),
  ),
  reject(
    "message_ref holding an INSZ, shared (second)",
    183,
    { notification: { message_ref: REF_WITH_INSZ } },
    record("rl16_notification", 183, "message_ref", "DUPLICATE_MESSAGE_REF", REF_MASKED),
  ),
  reject(
    "joint committee and last name with terminal control sequences",
    184,
    { staff: { last_name: `Corpus${TERMINAL_CONTROL}` }, assignment: { joint_committee: TERMINAL_CONTROL } },
    record("assignment", 1840, "joint_committee", "FIELD_VALUE_NOT_ALLOWED", TERMINAL_CONTROL),
  ),
  untyped(
    reject(
      "joint committee holding an INSZ",
      186,
      { assignment: { joint_committee: INSZ_AS_JOINT_COMMITTEE } },
      record("assignment", 1860, "joint_committee", "FIELD_VALUE_NOT_ALLOWED", masked(INSZ_AS_JOINT_COMMITTEE)),
    ),
  ),
  untyped(
    reject(
      "valid_from of 61 characters ending in an INSZ",
      187,
      { notification: { valid_from: INSZ_ACROSS_THE_CUT } },
      record("rl16_notification", 187, "valid_from", "FIELD_NOT_A_DATE", `${`${"x".repeat(50)}${masked(inszOf(187))}`.slice(0, 57)}...`),
    ),
  ),
];

const CORPUS: readonly CorpusCase[] = [
  // staff_member
  reject(
    "INSZ with a wrong check digit",
    101,
    { staff: { insz: badCheckDigit } },
    record("staff_member", 101, "insz", "INSZ_INVALID", masked(badCheckDigit)),
  ),
  reject(
    "INSZ with a letter",
    102,
    { staff: { insz: "8001011A102" } },
    record("staff_member", 102, "insz", "INSZ_INVALID", masked("8001011A102")),
  ),
  reject(
    "INSZ of 10 digits",
    103,
    { staff: { insz: inszOf(103).slice(0, 10) } },
    record("staff_member", 103, "insz", "INSZ_INVALID", masked(inszOf(103).slice(0, 10))),
  ),
  untyped(
    reject(
      "INSZ written with dots and a dash",
      104,
      { staff: { insz: "80.01.01-104.00" } },
      record("staff_member", 104, "insz", "INSZ_INVALID", masked("80.01.01-104.00")),
    ),
  ),
  reject("INSZ NULL", 105, { staff: { insz: null } }, record("staff_member", 105, "insz", "FIELD_REQUIRED", "NULL")),
  // One INSZ on two staff ids (the contract says UNIQUE; the corpus's tables do not enforce it).
  reject(
    "INSZ shared with staff 174",
    173,
    { staff: { insz: inszOf(173) } },
    record("staff_member", 173, "insz", "DUPLICATE_INSZ", `${masked(inszOf(173))}, also staff 174`),
  ),
  reject(
    "INSZ shared with staff 173",
    174,
    { staff: { insz: inszOf(173) } },
    record("staff_member", 174, "insz", "DUPLICATE_INSZ", `${masked(inszOf(173))}, also staff 173`),
  ),
  reject("last_name NULL", 106, { staff: { last_name: null } }, record("staff_member", 106, "last_name", "FIELD_REQUIRED", "NULL")),
  reject("first_name blank", 107, { staff: { first_name: "   " } }, record("staff_member", 107, "first_name", "FIELD_REQUIRED", "   ")),
  // rl16_notification
  reject(
    "notification for a staff member that does not exist",
    108,
    { staff: false, assignment: false, salary: false },
    record("rl16_notification", 108, "staff_id", "UNKNOWN_STAFF", "108"),
  ),
  reject(
    "notification from a board that does not exist",
    109,
    { notification: { board_id: 99 } },
    record("rl16_notification", 109, "board_id", "UNKNOWN_BOARD", "99"),
  ),
  reject(
    "notification from a board without name",
    110,
    { notification: { board_id: 93 }, extra: { school_board: [{ id: 93, name: null, agency: "AGODI" }] } },
    record("school_board", 93, "name", "FIELD_REQUIRED", "NULL"),
  ),
  reject(
    "duplicate message_ref (first)",
    111,
    { notification: { message_ref: "RL16-DUP-0001" } },
    record("rl16_notification", 111, "message_ref", "DUPLICATE_MESSAGE_REF", "RL16-DUP-0001"),
  ),
  reject(
    "duplicate message_ref (second)",
    112,
    { notification: { message_ref: "RL16-DUP-0001" } },
    record("rl16_notification", 112, "message_ref", "DUPLICATE_MESSAGE_REF", "RL16-DUP-0001"),
  ),
  reject(
    "maintenance_of_rights 2",
    114,
    { notification: { maintenance_of_rights: 2 } },
    record("rl16_notification", 114, "maintenance_of_rights", "FIELD_VALUE_NOT_ALLOWED", "2"),
  ),
  untyped(
    reject(
      "maintenance_of_rights 'yes'",
      115,
      { notification: { maintenance_of_rights: "yes" } },
      record("rl16_notification", 115, "maintenance_of_rights", "FIELD_NOT_AN_INTEGER", "yes"),
    ),
  ),
  reject(
    "fulltime_request 7",
    116,
    { notification: { fulltime_request: 7 } },
    record("rl16_notification", 116, "fulltime_request", "FIELD_VALUE_NOT_ALLOWED", "7"),
  ),
  {
    ...reject(
      "fulltime_request 9 with joint committee 152.02",
      117,
      { notification: { fulltime_request: 9 }, assignment: { joint_committee: "152.02" } },
      record("rl16_notification", 117, "fulltime_request", "FULLTIME_REQUEST_NOT_APPLICABLE", "9 with joint committee 152.02"),
    ),
    units: [
      {
        formType: "WECH003",
        rule: "FULLTIME_REQUEST_NOT_APPLICABLE",
        record: { table: "rl16_notification", recordId: "117", field: "fulltime_request", value: "9 with joint committee 152.02" },
      },
      {
        formType: "WECH006",
        rule: "START_OF_PART_TIME_WORK_REJECTED",
        record: {
          table: "rl16_notification",
          recordId: "117",
          field: "fulltime_request",
          value: "FULLTIME_REQUEST_NOT_APPLICABLE: 9 with joint committee 152.02",
        },
      },
    ],
  },
  reject(
    "received_at NULL",
    118,
    { notification: { received_at: null } },
    record("rl16_notification", 118, "received_at", "FIELD_REQUIRED", "NULL"),
  ),
  untyped(
    reject(
      "received_at with a zone offset",
      119,
      { notification: { received_at: "2017-09-04T09:00:00+02:00" } },
      record("rl16_notification", 119, "received_at", "FIELD_NOT_A_TIMESTAMP", "2017-09-04T09:00:00+02:00"),
    ),
  ),
  reject(
    "received_at in 1850",
    120,
    { notification: { received_at: "1850-09-04 09:00:00" } },
    record("rl16_notification", 120, "received_at", "FIELD_NOT_A_TIMESTAMP", "1850-09-04 09:00:00"),
  ),
  untyped(
    reject(
      "valid_from 2999-02-30",
      121,
      { notification: { valid_from: "2999-02-30" } },
      record("rl16_notification", 121, "valid_from", "FIELD_NOT_A_DATE", "2999-02-30"),
    ),
  ),
  // Values no date filter may drop (the reader reads every notification, D18).
  untyped(
    reject(
      "valid_from the integer 20170901",
      166,
      { notification: { valid_from: 20170901 } },
      record("rl16_notification", 166, "valid_from", "FIELD_NOT_A_DATE", "20170901"),
    ),
  ),
  untyped(
    reject(
      "valid_from '01/09/2017'",
      167,
      { notification: { valid_from: "01/09/2017" } },
      record("rl16_notification", 167, "valid_from", "FIELD_NOT_A_DATE", "01/09/2017"),
    ),
  ),
  untyped(
    reject(
      "valid_from ''",
      168,
      { notification: { valid_from: "" } },
      record("rl16_notification", 168, "valid_from", "FIELD_NOT_A_DATE", ""),
    ),
  ),
  reject(
    "valid_from NULL",
    122,
    { notification: { valid_from: null } },
    record("rl16_notification", 122, "valid_from", "FIELD_REQUIRED", "NULL"),
  ),
  reject(
    "board_id NULL",
    123,
    { notification: { board_id: null } },
    record("rl16_notification", 123, "board_id", "FIELD_REQUIRED", "NULL"),
  ),
  reject(
    "message_ref NULL",
    124,
    { notification: { message_ref: null } },
    record("rl16_notification", 124, "message_ref", "FIELD_REQUIRED", "NULL"),
  ),
  untyped(
    reject(
      "withdrawn_from written 31/12/2017",
      125,
      { notification: { withdrawn_from: "31/12/2017" } },
      record("rl16_notification", 125, "withdrawn_from", "FIELD_NOT_A_DATE", "31/12/2017"),
    ),
  ),
  // assignment
  reject(
    "denominator 0",
    126,
    { assignment: { hours_denominator: "0" } },
    record("assignment", 1260, "hours_denominator", "DENOMINATOR_NOT_POSITIVE", "0.00"),
  ),
  reject(
    "negative numerator",
    127,
    { assignment: { hours_numerator: "-4" } },
    record("assignment", 1270, "hours_numerator", "NUMERATOR_NOT_POSITIVE", "-4.00"),
  ),
  reject(
    "numerator above denominator",
    128,
    { assignment: { hours_numerator: "30" } },
    record("assignment", 1280, "hours_numerator", "NUMERATOR_ABOVE_DENOMINATOR", "30.00/24.00"),
  ),
  // An assignment whose staff_id is no id belongs to nobody the run reads: reported on its own.
  untyped({
    kind: "assignment with staff_id 'x'",
    staffId: 175,
    rows: person(175, { assignment: { staff_id: "x" }, salary: { assignment_id: null } }),
    records: [],
    unowned: [record("assignment", 1750, "staff_id", "UNKNOWN_STAFF", "x")],
    status: "not-eligible",
  }),
  // 1/8000 of 38 hours rounds to Q 0, which no form may carry.
  reject(
    "fraction 1/8000 (Q rounds to 0)",
    172,
    { assignment: { hours_numerator: "1", hours_denominator: "8000" } },
    record("assignment", 1720, "hours_numerator", "Q_ROUNDS_TO_ZERO", "1.00/8000.00 gives Q 0 of S 3800"),
  ),
  reject(
    "end before start",
    129,
    { assignment: { start_date: "2017-09-11", end_date: "2017-09-08" } },
    record("assignment", 1290, "end_date", "END_BEFORE_START", "2017-09-08 < 2017-09-11"),
  ),
  reject(
    "institution that does not exist",
    130,
    { assignment: { institution_id: 99 } },
    record("assignment", 1300, "institution_id", "UNKNOWN_INSTITUTION", "99"),
  ),
  reject(
    "institution of a board that does not exist",
    131,
    { assignment: { institution_id: 90 }, extra: { institution: [{ id: 90, board_id: 98, name: "School of nobody", level: "SO" }] } },
    record("institution", 90, "board_id", "UNKNOWN_BOARD", "98"),
  ),
  reject(
    "institution without board",
    132,
    { assignment: { institution_id: 91 }, extra: { institution: [{ id: 91, board_id: null, name: "Orphan school", level: "BaO" }] } },
    record("institution", 91, "board_id", "FIELD_REQUIRED", "NULL"),
  ),
  reject(
    "board of another agency",
    133,
    {
      assignment: { institution_id: 92 },
      extra: {
        school_board: [{ id: 92, name: "VDAB opleidingen", agency: "VDAB" }],
        institution: [{ id: 92, board_id: 92, name: "Competentiecentrum", level: "VWO" }],
      },
    },
    record("school_board", 92, "agency", "FIELD_VALUE_NOT_ALLOWED", "VDAB"),
  ),
  reject(
    "institution_id NULL",
    134,
    { assignment: { institution_id: null } },
    record("assignment", 1340, "institution_id", "FIELD_REQUIRED", "NULL"),
  ),
  reject("start_date NULL", 135, { assignment: { start_date: null } }, record("assignment", 1350, "start_date", "FIELD_REQUIRED", "NULL")),
  reject(
    "start_date in 1850",
    136,
    { assignment: { start_date: "1850-09-01" } },
    record("assignment", 1360, "start_date", "FIELD_NOT_A_DATE", "1850-09-01"),
  ),
  untyped(
    reject(
      "end_date 2999-02-30",
      137,
      { assignment: { end_date: "2999-02-30" } },
      record("assignment", 1370, "end_date", "FIELD_NOT_A_DATE", "2999-02-30"),
    ),
  ),
  untyped(
    reject(
      "hours_numerator 'abc'",
      138,
      { assignment: { hours_numerator: "abc" } },
      record("assignment", 1380, "hours_numerator", "FIELD_NOT_A_NUMBER", "abc"),
    ),
  ),
  untyped(
    reject(
      "hours_numerator '16,5' (decimal comma)",
      139,
      { assignment: { hours_numerator: "16,5" } },
      record("assignment", 1390, "hours_numerator", "FIELD_NOT_A_NUMBER", "16,5"),
    ),
  ),
  reject(
    "hours_denominator NULL",
    140,
    { assignment: { hours_denominator: null } },
    record("assignment", 1400, "hours_denominator", "FIELD_REQUIRED", "NULL"),
  ),
  untyped(
    reject(
      "days_per_week 'two'",
      141,
      { assignment: { days_per_week: "two" } },
      record("assignment", 1410, "days_per_week", "FIELD_NOT_A_NUMBER", "two"),
    ),
  ),
  reject(
    "status outside T/V/C",
    142,
    { assignment: { status: "Z" } },
    record("assignment", 1420, "status", "FIELD_VALUE_NOT_ALLOWED", "Z"),
  ),
  reject("status NULL", 143, { assignment: { status: null } }, record("assignment", 1430, "status", "FIELD_REQUIRED", "NULL")),
  reject(
    "monthly_salary NULL",
    144,
    { assignment: { monthly_salary: null } },
    record("assignment", 1440, "monthly_salary", "THEORETICAL_SALARY_MISSING", "NULL"),
  ),
  reject(
    "monthly_salary over 8 digits of cents",
    145,
    { assignment: { monthly_salary: "1000000.00" } },
    record("assignment", 1450, "monthly_salary", "AMOUNT_TOO_LARGE", "1000000.00"),
  ),
  reject(
    "joint committee 'PC152'",
    146,
    { assignment: { joint_committee: "PC152" } },
    record("assignment", 1460, "joint_committee", "FIELD_VALUE_NOT_ALLOWED", "PC152"),
  ),
  reject(
    "employer category of two digits",
    147,
    { assignment: { employer_category: "12" } },
    record("assignment", 1470, "employer_category", "FIELD_VALUE_NOT_ALLOWED", "12"),
  ),
  reject(
    "forbidden employer category 099",
    148,
    { assignment: { employer_category: "099" } },
    record("assignment", 1480, "employer_category", "OCCUPATION_CODE_NOT_ALLOWED", "099"),
  ),
  reject(
    "worker code with a letter",
    149,
    { assignment: { worker_code: "49X" } },
    record("assignment", 1490, "worker_code", "FIELD_VALUE_NOT_ALLOWED", "49X"),
  ),
  reject(
    "forbidden worker code 840",
    150,
    { assignment: { worker_code: "840" } },
    record("assignment", 1500, "worker_code", "OCCUPATION_CODE_NOT_ALLOWED", "840"),
  ),
  // salary_line
  blockMonth(
    "salary line for an assignment that does not exist",
    151,
    { assignment_id: 99999 },
    "assignment_id",
    "UNKNOWN_ASSIGNMENT",
    "99999",
  ),
  blockMonth("salary line for another staff member's assignment", 152, { assignment_id: 11 }, "assignment_id", "UNKNOWN_ASSIGNMENT", "11"),
  blockMonth("period_month '2017-9'", 153, { period_month: "2017-9" }, "period_month", "FIELD_NOT_A_MONTH", "2017-9"),
  blockMonth("period_month '09/2017'", 154, { period_month: "09/2017" }, "period_month", "FIELD_NOT_A_MONTH", "09/2017"),
  blockMonth("period_month '2017-00'", 155, { period_month: "2017-00" }, "period_month", "FIELD_NOT_A_MONTH", "2017-00"),
  blockMonth("period_month NULL", 156, { period_month: null }, "period_month", "FIELD_REQUIRED", "NULL"),
  untyped(blockMonth("gross_amount 'abc'", 157, { gross_amount: "abc" }, "gross_amount", "FIELD_NOT_A_NUMBER", "abc")),
  untyped(
    blockMonth("gross_amount '1100,00' (decimal comma)", 158, { gross_amount: "1100,00" }, "gross_amount", "FIELD_NOT_A_NUMBER", "1100,00"),
  ),
  untyped(
    blockMonth("gross_amount with three decimals", 159, { gross_amount: "1100.005" }, "gross_amount", "FIELD_NOT_A_NUMBER", "1100.005"),
  ),
  blockMonth("gross_amount NULL", 160, { gross_amount: null }, "gross_amount", "FIELD_REQUIRED", "NULL"),
  untyped(blockMonth("paid_on 2017-02-30", 161, { paid_on: "2017-02-30" }, "paid_on", "FIELD_NOT_A_DATE", "2017-02-30")),
  blockMonth("paid_on NULL", 162, { paid_on: null }, "paid_on", "FIELD_REQUIRED", "NULL"),
  blockMonth("wage_code NULL", 163, { wage_code: null }, "wage_code", "FIELD_REQUIRED", "NULL"),
  blockMonth("wage_code on no list of mappings/scenario6-conditions.ts", 165, { wage_code: "88" }, "wage_code", "UNKNOWN_WAGE_CODE", "88"),
  // Months that sort after the run month but are none.
  blockMonth("period_month 2017-13", 169, { period_month: "2017-13" }, "period_month", "FIELD_NOT_A_MONTH", "2017-13"),
  blockMonth("period_month 2017-1a", 170, { period_month: "2017-1a" }, "period_month", "FIELD_NOT_A_MONTH", "2017-1a"),
  // Amounts beyond DECIMAL(12,2) must not reach a sum of floats (1e20 + 1100.00 - 1e20 = 0).
  untyped({
    kind: "gross_amount 1e20 and -1e20 beside EUR 1100.00",
    staffId: 171,
    rows: person(171, {
      extra: {
        salary_line: [
          {
            id: 17101,
            staff_id: 171,
            assignment_id: 1710,
            period_month: "2017-09",
            gross_amount: 1e20,
            wage_code: "01",
            paid_on: "2017-09-25",
          },
          {
            id: 17102,
            staff_id: 171,
            assignment_id: 1710,
            period_month: "2017-09",
            gross_amount: -1e20,
            wage_code: "01",
            paid_on: "2017-09-25",
          },
        ],
      },
    }),
    records: [
      record("salary_line", 17101, "gross_amount", "AMOUNT_OUT_OF_RANGE", "100000000000000000000"),
      record("salary_line", 17102, "gross_amount", "AMOUNT_OUT_OF_RANGE", "-100000000000000000000"),
    ],
    units: [
      {
        formType: "WECH006",
        rule: "AMOUNT_OUT_OF_RANGE",
        record: { table: "salary_line", recordId: "17101", field: "gross_amount", value: "100000000000000000000" },
      },
    ],
    status: "declared",
  }),
  {
    kind: "negative month total",
    staffId: 164,
    rows: person(164, { salary: { gross_amount: "-200.00" } }),
    records: [],
    units: [
      {
        formType: "WECH006",
        rule: "NEGATIVE_MONTH_TOTAL",
        record: { table: "salary_line", recordId: "staff 164 2017-09", field: "gross_amount", value: "EUR -200.00" },
      },
    ],
    status: "declared",
  },
  // An INSZ inside another column's value, terminal control sequences.
  ...hostileCases(),
];

/** Persons that break nothing the adapter reads: declared like anyone else. */
const CONTROLS: readonly { readonly kind: string; readonly staffId: number; readonly rows: ContractRows }[] = [
  { kind: "the corpus person unchanged", staffId: 190, rows: person(190) },
  {
    kind: "columns the adapter never reads, and NULL occupation codes (D13)",
    staffId: 191,
    rows: person(191, {
      staff: { gender: "Q", birth_date: null, country_code: null },
      assignment: { joint_committee: null, employer_category: null, worker_code: null },
    }),
  },
];

function mergeRows(...parts: ContractRows[]): ContractRows {
  const merged: ContractRows = {};
  for (const part of parts)
    for (const [table, rows] of Object.entries(part) as [keyof ContractRows, ContractRow[]][]) (merged[table] ??= []).push(...rows);
  return merged;
}

async function workspaceWith(label: string, rows: ContractRows, relaxed: boolean, engine: TestEngine = "sqlite"): Promise<CliWorkspace> {
  const workspace = await CliWorkspace.create(label, engine);
  await workspace.initContract();
  if (relaxed) await runStatements(workspace.dbUrl, relaxContractTables({ engine }));
  await writeContractRowsToUrl(workspace.dbUrl, rows);
  return workspace;
}

type Line = Record<string, unknown>;

function corpusOn(engine: TestEngine): void {
  const cases = CORPUS.filter((c) => engine === "sqlite" || !c.sqliteOnly);

  describe(`the bad-input corpus: every kind of contract violation next to the circular's examples [${engine}]`, function () {
    this.timeout(300_000);
    let corpus: CliWorkspace | undefined;
    let baseline: CliWorkspace | undefined;
    let first: RunSummary;
    let firstDecisions: Line[];

    before(async function () {
      await requireEngine(this, engine);
      corpus = await workspaceWith(
        "corpus",
        mergeRows(circularExampleRows(), ...cases.map((c) => c.rows), ...CONTROLS.map((c) => c.rows)),
        true,
        engine,
      );
      baseline = await workspaceWith("corpus-baseline", circularExampleRows(), false, engine);
      for (const month of MONTHS) {
        await corpus.run(month);
        await baseline.run(month);
      }
      first = corpus.summaryOf(FIRST);
      firstDecisions = corpus.decisionsOf(FIRST);
    });

    after(async () => {
      await corpus?.remove();
      await baseline?.remove();
    });

    it("holds more than 30 kinds of violation, each in its own person", () => {
      expect(cases.length).to.be.greaterThan(30);
      expect(new Set(cases.map((c) => c.staffId)).size).to.equal(cases.length);
    });

    for (const c of cases) {
      it(`${c.kind}: reported with its rule, record and value`, () => {
        const items = first.rejectedRecords.items
          .filter((item) => item.staffId === c.staffId)
          .map(({ table, recordId, field, rule, value }) => ({ table, recordId, field, rule, value }));
        for (const expected of c.records) expect(items, `${c.kind}: ${JSON.stringify(items)}`).to.deep.include(expected);
        const unowned = first.rejectedRecords.items
          .filter((item) => item.staffId === null)
          .map(({ table, recordId, field, rule, value }) => ({ table, recordId, field, rule, value }));
        for (const expected of c.unowned ?? []) expect(unowned, c.kind).to.deep.include(expected);
        const units = firstDecisions.filter((line) => line.kind === "unit" && line.staffId === c.staffId && line.status === "rejected");
        for (const expected of c.units ?? []) {
          expect(
            units.map((u) => ({ formType: u.formType, rule: u.rule, record: u.record })),
            c.kind,
          ).to.deep.include(expected);
        }
        const personLine = firstDecisions.find((line) => line.kind === "person" && line.staffId === c.staffId);
        expect(personLine, `${c.kind}: the person is considered`).not.to.equal(undefined);
        expect(personLine!.status, c.kind).to.equal(c.status);
        // Nothing of a rejected person is declared; a person whose salary line breaks the contract keeps the WECH003 only.
        const declared = firstDecisions
          .filter((line) => line.kind === "unit" && line.staffId === c.staffId && line.status === "declared")
          .map((u) => u.formType);
        expect(declared, c.kind).to.deep.equal(c.status === "declared" ? ["WECH003"] : []);
      });
    }

    it("declares the controls: columns the adapter does not read and NULL occupation codes reject nobody", () => {
      for (const control of CONTROLS) {
        const personLine = firstDecisions.find((line) => line.kind === "person" && line.staffId === control.staffId);
        expect(personLine?.status, control.kind).to.equal("declared");
        expect(
          first.rejectedRecords.items.filter((item) => item.staffId === control.staffId),
          control.kind,
        ).to.deep.equal([]);
      }
    });

    it("the good persons' forms are exactly those of a run without the bad rows, every month", () => {
      let compared = 0;
      for (const month of MONTHS) {
        const expected = formContents(baseline!.monthDir(month), (insz) => GOOD_INSZ.has(insz));
        expect(
          formContents(corpus!.monthDir(month), (insz) => GOOD_INSZ.has(insz)),
          month,
        ).to.deep.equal(expected);
        compared += expected.length;
      }
      expect(compared).to.be.greaterThan(50);
    });

    it("the good persons are decided as without the bad rows, and have no rejected record, every month", () => {
      const good = new Set(CIRCULAR_EXAMPLES.map((example) => example.staffId));
      const outcomes = (workspace: CliWorkspace, month: string) =>
        workspace
          .decisionsOf(month)
          .filter((line) => good.has(line.staffId as number) && line.kind !== "rejected-record")
          .map((line) =>
            [line.kind, line.staffId, line.formType, line.assignmentId, line.referencePeriod, line.status, line.reason, line.rule].join(
              " ",
            ),
          );
      for (const month of MONTHS) {
        expect(
          corpus!.summaryOf(month).rejectedRecords.items.filter((item) => good.has(item.staffId as number)),
          month,
        ).to.deep.equal([]);
        expect(outcomes(corpus!, month), month).to.deep.equal(outcomes(baseline!, month));
      }
    });

    it("every file of every month validates against its XSD", async () => {
      let files = 0;
      for (const month of MONTHS) files += await expectFolderValid(corpus!.monthDir(month));
      expect(files).to.be.greaterThan(10);
    });

    it("the counts reconcile: per person and per form type, and the rejected persons are the ones expected", () => {
      for (const month of MONTHS) expectSummaryAddsUp(corpus!.summaryOf(month));
      const baselineFirst = baseline!.summaryOf(FIRST);
      const rejected = cases.filter((c) => c.status === "rejected").length;
      const notEligible = cases.filter((c) => c.status === "not-eligible").length;
      const declared = cases.filter((c) => c.status === "declared").length + CONTROLS.length;
      expect(first.persons.considered).to.equal(baselineFirst.persons.considered + cases.length + CONTROLS.length);
      expect(first.persons.rejected).to.equal(rejected);
      expect(first.persons.declared).to.equal(baselineFirst.persons.declared + declared);
      expect(first.persons.notEligible).to.equal(baselineFirst.persons.notEligible + notEligible);
      // Every listed record belongs to a case and every case's records are listed: nothing extra, nothing lost.
      const expectedCount = cases.reduce((n, c) => n + c.records.length + (c.unowned?.length ?? 0), 0);
      expect(first.rejectedRecords.count).to.equal(expectedCount);
      expect(first.rejectedRecords.items).to.have.length(expectedCount);
    });

    it("no INSZ of a rejected record appears in clear in the summary or the decisions", () => {
      const texts = [
        readFileSync(join(corpus!.monthDir(FIRST), "run-summary.json"), "utf8"),
        readFileSync(join(corpus!.monthDir(FIRST), "decisions.jsonl"), "utf8"),
      ].join("\n");
      for (const insz of [
        badCheckDigit,
        "8001011A102",
        inszOf(103).slice(0, 10),
        "80.01.01-104.00",
        INSZ_IN_REF.insz,
        INSZ_AS_JOINT_COMMITTEE,
      ])
        expect(texts).not.to.include(insz);
    });
  });
}

for (const engine of ENGINES) corpusOn(engine);

/** On SQLite: a cut-off written "15/11/2017 16:00" cannot be stored in a server's TIMESTAMP column. */
describe("cut-offs of earlier months do not matter to a run", function () {
  this.timeout(120_000);
  const months = monthsFromTo("2017-09", "2017-12");
  let gap: CliWorkspace;
  let full: CliWorkspace;

  before(async () => {
    // October has no cut-off at all, November's cannot be read.
    const calendar = PAYMENT_CALENDAR_ROWS.filter((row) => row.period_month !== "2017-10").map((row) =>
      row.period_month === "2017-11" ? { ...row, cutoff_at: "15/11/2017 16:00" } : row,
    );
    gap = await workspaceWith("cutoff-gap", { ...circularExampleRows(), payment_calendar: calendar }, false);
    full = await workspaceWith("cutoff-full", circularExampleRows(), false);
    for (const month of months) await full.run(month);
  });

  after(async () => {
    await gap?.remove();
    await full?.remove();
  });

  it("a month without cut-off, or with one that cannot be read, fails its own run with exit 1 and writes nothing", async () => {
    await gap.run("2017-09");
    const october = await gap.easr("run", "--month", "2017-10", "--db", gap.dbUrl, "--out", gap.outDir);
    expect(october.code).to.equal(1);
    expect(october.err.join("\n")).to.include('payment_calendar has no cut-off ("uiterste betaaldatum") for 2017-10');
    const november = await gap.easr("run", "--month", "2017-11", "--db", gap.dbUrl, "--out", gap.outDir);
    expect(november.code).to.equal(1);
    expect(november.err.join("\n")).to.include("payment_calendar row for 2017-11 is unreadable: cutoff_at: 15/11/2017 16:00");
    expect(gap.filesOf("2017-10").filter((name) => name.startsWith("FI."))).to.deep.equal([]);
    expect(gap.filesOf("2017-11").filter((name) => name.startsWith("FI."))).to.deep.equal([]);
  });

  it("the next month's run declares everything the failed months would have: the same forms over the four months", async () => {
    await gap.run("2017-12");
    expectSummaryAddsUp(gap.summaryOf("2017-12"));
    const all = (workspace: CliWorkspace) => months.flatMap((month) => formContents(workspace.monthDir(month))).sort();
    expect(all(gap)).to.deep.equal(all(full));
    expect(formContents(gap.monthDir("2017-12")).length).to.be.greaterThan(formContents(full.monthDir("2017-12")).length);
  });
});

/** Every text of every cell of a workbook, sheet by sheet. */
async function workbookTexts(path: string): Promise<{ sheet: string; text: string }[]> {
  const texts: { sheet: string; text: string }[] = [];
  for (const [sheet, table] of await readWorkbook(path)) {
    for (const row of [table.headers, ...table.rows])
      for (const cell of row) if (typeof cell === "string") texts.push({ sheet, text: cell });
  }
  return texts;
}

/** A control character as the console shows it: `\x1b`, `\x07`, `\x9b`. */
const shownOnConsole = (text: string): string =>
  text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, "0")}`);

/** Excel's limit of characters in a cell, and the mark that ends a cut one. */
const EXCEL_CELL_LIMIT = 32_767;
const cutMark = (length: number): string => `… [cut: ${length} characters in all]`;

/**
 * On what the operator and the boards see: the hostile cases of the
 * corpus on their own (every rejected record on the console, where the corpus shows only the first
 * 20), and on SQLite, whose VARCHAR(100) keeps it, a last name of 100,000 characters.
 */
function hostileValuesOn(engine: TestEngine): void {
  describe(`hostile values on the console, in the summaries and the workbooks [${engine}]`, function () {
    this.timeout(120_000);
    const longName = Array.from({ length: 100_000 }, (_, i) => String.fromCharCode(97 + (i % 26))).join("");
    const longNamed = { staffId: 185, rows: person(185, { staff: { last_name: longName } }) };
    let workspace: CliWorkspace | undefined;
    let run: { out: string[]; err: string[] };

    before(async function () {
      await requireEngine(this, engine);
      const cases = hostileCases().filter((c) => engine === "sqlite" || !c.sqliteOnly);
      const rows = mergeRows(circularExampleRows(), ...cases.map((c) => c.rows), ...(engine === "sqlite" ? [longNamed.rows] : []));
      workspace = await workspaceWith("hostile", rows, true, engine);
      run = await workspace.run(FIRST);
    });

    after(async () => {
      await workspace?.remove();
    });

    const operatorWorkbook = () => join(workspace!.monthDir(FIRST), `report-${FIRST}.xlsx`);
    const boardWorkbook = () => boardWorkbookOf(workspace!.monthDir(FIRST), 1);

    it("an INSZ inside a rejected value is masked on stdout, in explain, run-summary.json, decisions.jsonl and both workbooks", async () => {
      const stdout = run.out.join("\n");
      expect(stdout).to.include(`rejected rl16_notification 182 (staff 182): message_ref = ${REF_MASKED}:`);
      expect(stdout).to.include(`rejected rl16_notification 183 (staff 183): message_ref = ${REF_MASKED}:`);
      if (engine === "sqlite")
        expect(stdout).to.include(`rejected assignment 1860 (staff 186): joint_committee = ${masked(INSZ_AS_JOINT_COMMITTEE)}:`);
      const summary = readFileSync(join(workspace!.monthDir(FIRST), "run-summary.json"), "utf8");
      const decisions = readFileSync(join(workspace!.monthDir(FIRST), "decisions.jsonl"), "utf8");
      expect(summary).to.include(REF_MASKED);
      expect(decisions).to.include(REF_MASKED);
      const explain = async (staffId: number) =>
        (await workspace!.easr("explain", "--staff", String(staffId), "--month", FIRST, "--db", workspace!.dbUrl)).out.join("\n");
      let explained = await explain(182);
      expect(explained).to.include(`#182 ${REF_MASKED} from`);
      if (engine === "sqlite") {
        explained += `\n${await explain(186)}`;
        expect(explained).to.include(`rejected: joint_committee = ${masked(INSZ_AS_JOINT_COMMITTEE)}:`);
      }
      const operator = await workbookTexts(operatorWorkbook());
      const board = await workbookTexts(boardWorkbook());
      expect(operator.filter((c) => c.sheet === "Geweigerd").map((c) => c.text)).to.include(REF_MASKED);
      if (engine === "sqlite") {
        expect(operator.filter((c) => c.sheet === "Geweigerd").map((c) => c.text)).to.include(masked(INSZ_AS_JOINT_COMMITTEE));
        expect(board.filter((c) => c.sheet.endsWith(" niet aangegeven")).map((c) => c.text)).to.include(masked(INSZ_AS_JOINT_COMMITTEE));
      }
      for (const [where, text] of [
        ["stdout", stdout],
        ["explain", explained],
        ["run-summary.json", summary],
        ["decisions.jsonl", decisions],
        ["operator workbook", operator.map((c) => c.text).join("\n")],
        ["board workbook", board.map((c) => c.text).join("\n")],
      ]) {
        expect(text, where).not.to.include(INSZ_IN_REF.insz);
        expect(text, where).not.to.include(INSZ_AS_JOINT_COMMITTEE);
      }
    });

    it("control characters of a source value reach the console escaped, from the run and from explain", async () => {
      const stdout = run.out.join("\n");
      expect(stdout).to.include(`rejected assignment 1840 (staff 184): joint_committee = ${shownOnConsole(TERMINAL_CONTROL)}:`);
      const explained = await workspace!.easr("explain", "--staff", "184", "--month", FIRST, "--db", workspace!.dbUrl);
      expect(explained.code, explained.err.join("\n")).to.equal(0);
      expect(explained.out.join("\n")).to.include(shownOnConsole(`Corpus${TERMINAL_CONTROL}`));
      for (const line of [...run.out, ...run.err, ...explained.out, ...explained.err])
        expect(line).not.to.match(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    });

    it("the log's console lines (--verbose, on stderr) show control characters escaped too", async () => {
      const written: string[] = [];
      const write = process.stderr.write;
      process.stderr.write = ((chunk: string | Uint8Array) => written.push(String(chunk)) > 0) as typeof process.stderr.write;
      try {
        const args = ["--verbose", "run", "--month", FIRST, "--dry-run", "--db", workspace!.dbUrl, "--out", workspace!.outDir];
        expect(await main(args, { out: () => undefined, err: (line) => written.push(line) })).to.equal(0);
      } finally {
        process.stderr.write = write;
      }
      const stderr = written.join("");
      expect(stderr).to.include(`joint_committee = ${shownOnConsole(TERMINAL_CONTROL)}: FIELD_VALUE_NOT_ALLOWED`);
      expect(stderr).not.to.match(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    });

    if (engine === "sqlite") {
      it("a last name of 100,000 characters is cut with a visible mark to Excel's 32,767 in both workbooks", async () => {
        const mark = cutMark(longName.length);
        const expected = longName.slice(0, EXCEL_CELL_LIMIT - mark.length) + mark;
        const operator = (await readWorkbook(operatorWorkbook())).get("Aangegeven")!;
        const board = boardRecords(await readWorkbook(boardWorkbook()), "declared");
        const names = (rows: Record<string, CellValue>[], idHeader: string, nameHeader: string) =>
          rows.filter((r) => r[idHeader] === longNamed.staffId).map((r) => r[nameHeader]);
        expect(names(records(operator), "Personeelsnr.", "Naam")).to.have.length.greaterThan(0);
        for (const name of names(records(operator), "Personeelsnr.", "Naam")) expect(name).to.equal(expected);
        expect(names(board, "Personeelslid", "Naam")).to.have.length.greaterThan(0);
        for (const name of names(board, "Personeelslid", "Naam")) expect(name).to.equal(expected);
        for (const cell of [...(await workbookTexts(operatorWorkbook())), ...(await workbookTexts(boardWorkbook()))]) {
          expect(cell.text.length, cell.sheet).to.be.at.most(EXCEL_CELL_LIMIT);
        }
      });
    }
  });
}

for (const engine of ENGINES) hostileValuesOn(engine);
