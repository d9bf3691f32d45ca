/**
 * The nine worked examples of the e-ASR circular (seed 004, §6 "Voorbeelden") as contract rows, and
 * the payment calendar ("jaarkalender") of school years 2017-2018 and 2018-2019.
 *
 * The facts (fractions, amounts, dates, when the RL16 arrived) are the project's reading of the
 * circular and are asserted by the tests; names, addresses and institutions are fictitious.
 *
 * Fixed, small ids that the demo population (ids from 1000) never uses:
 * - staff member n = example n (1-9), notification n for the examples that have one;
 * - assignments 10n + k (example 2: 21 and 22), salary lines 100n + k;
 * - school boards 1-8 and institutions 1-8 (examples 2 and 8 share an academy, 3 and 9 a school).
 *
 * Amounts and fractions are decimal strings ("977.38"), never floats.
 */
import type { ContractRow, ContractRows, ContractTableName } from "../../src/source/contract-writer";
import { type YearMonth, monthsFromTo } from "../../src/domain/year-month";

export interface CircularExample {
  /** The number of the example in the circular (1-9). */
  readonly example: number;
  readonly title: string;
  readonly staffId: number;
  readonly assignmentIds: readonly number[];
  /** Its boards, institutions, staff member, assignments, salary lines and notification. */
  readonly rows: ContractRows;
}

/** The cut-off moment of `month` in the payment calendar of the demo, the tests and the benchmark: the 15th at 16:00. */
export function cutoffOf(month: YearMonth): string {
  return `${month}-15 16:00:00`;
}

/** Every month of the two school years: what arrives by the cut-off makes that month's run. */
export const PAYMENT_CALENDAR_ROWS: readonly ContractRow[] = monthsFromTo("2017-09", "2019-08").map((month) => ({
  period_month: month,
  cutoff_at: cutoffOf(month),
}));

const BOARDS = {
  basisonderwijsDeinze: {
    id: 1,
    name: "VZW Katholiek Basisonderwijs Deinze-Leie",
    agency: "AGODI",
    noss_number: "110234582",
    kbo_number: "0412345614",
  },
  stadLier: { id: 2, name: "Stadsbestuur Lier", agency: "AGODI", noss_number: "120789152", kbo_number: "0423123403" },
  sintJozefAalst: { id: 3, name: "VZW Sint-Jozefsinstituut Aalst", agency: "AGODI", noss_number: "131045738", kbo_number: "0441234588" },
  scholengroepDender: {
    id: 4,
    name: "GO! Scholengroep Dender en Schelde",
    agency: "AGODI",
    noss_number: "142335665",
    kbo_number: "0208765477",
  },
  clbWaasland: { id: 5, name: "VZW Vrij CLB Waasland", agency: "AGODI", noss_number: "153066290", kbo_number: "0451987633" },
  cvoKempen: {
    id: 6,
    name: "VZW Centrum voor Volwassenenonderwijs Kempen",
    agency: "AHOVOKS",
    noss_number: "164117888",
    kbo_number: "0813456747",
  },
  basiseducatieLeuven: {
    id: 7,
    name: "VZW Basiseducatie Leuven-Tienen",
    agency: "AHOVOKS",
    noss_number: "175209353",
    kbo_number: "0466123701",
  },
  hogeschoolNoorderkempen: {
    id: 8,
    name: "Hogeschool Noorderkempen",
    agency: "AHOVOKS",
    noss_number: "186334089",
    kbo_number: "0234567873",
  },
} satisfies Record<string, ContractRow>;

const INSTITUTIONS = {
  basisschoolDeLinde: { id: 1, board_id: 1, name: "Vrije Basisschool De Linde Deinze", level: "BaO" },
  academieLier: { id: 2, board_id: 2, name: "Stedelijke Academie voor Muziek, Woord en Dans Lier", level: "DKO" },
  sintJozefscollege: { id: 3, board_id: 3, name: "Sint-Jozefscollege Aalst", level: "SO" },
  atheneumDendermonde: { id: 4, board_id: 4, name: "GO! Atheneum Dendermonde", level: "SO" },
  vrijClbSintNiklaas: { id: 5, board_id: 5, name: "Vrij CLB Sint-Niklaas", level: "CLB" },
  cvoKempenTurnhout: { id: 6, board_id: 6, name: "CVO Kempen Turnhout", level: "VWO" },
  cbeLeuven: { id: 7, board_id: 7, name: "Centrum voor Basiseducatie Leuven", level: "CBE" },
  hogeschoolCampusGeel: { id: 8, board_id: 8, name: "Hogeschool Noorderkempen campus Geel", level: "HO" },
} satisfies Record<string, ContractRow>;

interface StaffFacts {
  id: number;
  insz: string;
  lastName: string;
  firstName: string;
  birthDate: string;
  gender: "M" | "F";
  street: string;
  houseNumber: string;
  box?: string;
  postalCode: string;
  municipality: string;
}

function staffMember(facts: StaffFacts): ContractRow {
  return {
    id: facts.id,
    insz: facts.insz,
    last_name: facts.lastName,
    first_name: facts.firstName,
    birth_date: facts.birthDate,
    gender: facts.gender,
    street: facts.street,
    house_number: facts.houseNumber,
    box: facts.box ?? null,
    postal_code: facts.postalCode,
    municipality: facts.municipality,
    country_code: "BE",
    nationality: "BE",
  };
}

interface AssignmentFacts {
  id: number;
  staffId: number;
  institutionId: number;
  startDate: string;
  endDate: string | null;
  numerator: string;
  denominator: string;
  daysPerWeek: string | null;
  jobTitle: string;
  status: "T" | "V" | "C";
  monthlySalary: string;
}

function assignment(facts: AssignmentFacts): ContractRow {
  return {
    id: facts.id,
    staff_id: facts.staffId,
    institution_id: facts.institutionId,
    start_date: facts.startDate,
    end_date: facts.endDate,
    hours_numerator: facts.numerator,
    hours_denominator: facts.denominator,
    days_per_week: facts.daysPerWeek,
    job_title: facts.jobTitle,
    status: facts.status,
    joint_committee: null,
    employer_category: null,
    worker_code: null,
    monthly_salary: facts.monthlySalary,
  };
}

function salaryLine(id: number, staffId: number, assignmentId: number, month: YearMonth, amount: string, paidOn: string): ContractRow {
  return {
    id,
    staff_id: staffId,
    assignment_id: assignmentId,
    period_month: month,
    gross_amount: amount,
    wage_code: "01",
    paid_on: paidOn,
  };
}

/** One ordinary-pay line per month from `from` to `to`, paid on the 25th of that month; ids from `firstId`. */
function monthlyLines(
  firstId: number,
  staffId: number,
  assignmentId: number,
  amount: string,
  from: YearMonth,
  to: YearMonth,
): ContractRow[] {
  return monthsFromTo(from, to).map((month, index) => salaryLine(firstId + index, staffId, assignmentId, month, amount, `${month}-25`));
}

interface NotificationFacts {
  id: number;
  staffId: number;
  boardId: number;
  receivedAt: string;
  validFrom: string;
  maintenanceOfRights: 0 | 1;
  fulltimeRequest: 0 | 1 | 9;
}

/** The RL16 message reference: `RL16-<year of validity>-<id, six digits>`, also used by the population. */
export function rl16MessageRef(id: number, validFrom: string): string {
  return `RL16-${validFrom.slice(0, 4)}-${String(id).padStart(6, "0")}`;
}

function notification(facts: NotificationFacts): ContractRow {
  return {
    id: facts.id,
    staff_id: facts.staffId,
    board_id: facts.boardId,
    message_ref: rl16MessageRef(facts.id, facts.validFrom),
    received_at: facts.receivedAt,
    valid_from: facts.validFrom,
    withdrawn_from: null,
    maintenance_of_rights: facts.maintenanceOfRights,
    fulltime_request: facts.fulltimeRequest,
  };
}

const example1: CircularExample = {
  example: 1,
  title: "BaO: child carer 16/32 for the whole school year, RL16 early September",
  staffId: 1,
  assignmentIds: [11],
  rows: {
    school_board: [BOARDS.basisonderwijsDeinze],
    institution: [INSTITUTIONS.basisschoolDeLinde],
    staff_member: [
      staffMember({
        id: 1,
        insz: "91041718481",
        lastName: "Verhaegen",
        firstName: "Lien",
        birthDate: "1991-04-17",
        gender: "F",
        street: "Kerkstraat",
        houseNumber: "14",
        postalCode: "9800",
        municipality: "Deinze",
      }),
    ],
    assignment: [
      assignment({
        id: 11,
        staffId: 1,
        institutionId: 1,
        startDate: "2017-09-01",
        endDate: "2018-06-30",
        numerator: "16",
        denominator: "32",
        daysPerWeek: "2.5",
        jobTitle: "kinderverzorgster",
        status: "T",
        monthlySalary: "977.38",
      }),
    ],
    salary_line: monthlyLines(101, 1, 11, "977.38", "2017-09", "2018-06"),
    rl16_notification: [
      notification({
        id: 1,
        staffId: 1,
        boardId: 1,
        receivedAt: "2017-09-05 10:12:00",
        validFrom: "2017-09-01",
        maintenanceOfRights: 1,
        fulltimeRequest: 1,
      }),
    ],
  },
};

const example2: CircularExample = {
  example: 2,
  title: "DKO: two assignments 7/22 and 2/20 from 21 November to 24 December, RL16 after November's cut-off",
  staffId: 2,
  assignmentIds: [21, 22],
  rows: {
    school_board: [BOARDS.stadLier],
    institution: [INSTITUTIONS.academieLier],
    staff_member: [
      staffMember({
        id: 2,
        insz: "88020907760",
        lastName: "Claeys",
        firstName: "Pieter-Jan",
        birthDate: "1988-02-09",
        gender: "M",
        street: "Antwerpsestraat",
        houseNumber: "87",
        box: "2",
        postalCode: "2500",
        municipality: "Lier",
      }),
    ],
    assignment: [
      assignment({
        id: 21,
        staffId: 2,
        institutionId: 2,
        startDate: "2017-11-21",
        endDate: "2017-12-24",
        numerator: "7",
        denominator: "22",
        daysPerWeek: "2.0",
        jobTitle: "leraar DKO",
        status: "T",
        monthlySalary: "738.00",
      }),
      assignment({
        id: 22,
        staffId: 2,
        institutionId: 2,
        startDate: "2017-11-21",
        endDate: "2017-12-24",
        numerator: "2",
        denominator: "20",
        daysPerWeek: "1.0",
        jobTitle: "leraar DKO",
        status: "T",
        monthlySalary: "246.00",
      }),
    ],
    salary_line: [
      salaryLine(201, 2, 21, "2017-11", "246.00", "2017-11-29"),
      salaryLine(202, 2, 22, "2017-11", "82.00", "2017-11-29"),
      salaryLine(203, 2, 21, "2017-12", "588.16", "2017-12-22"),
      salaryLine(204, 2, 22, "2017-12", "196.05", "2017-12-22"),
    ],
    rl16_notification: [
      notification({
        id: 2,
        staffId: 2,
        boardId: 2,
        receivedAt: "2017-11-23 09:30:00",
        validFrom: "2017-11-21",
        maintenanceOfRights: 1,
        fulltimeRequest: 1,
      }),
    ],
  },
};

const example3: CircularExample = {
  example: 3,
  title: "SO: 12/29 in October, then 15/22 with another board in November, one RL16",
  staffId: 3,
  assignmentIds: [31, 32],
  rows: {
    school_board: [BOARDS.sintJozefAalst, BOARDS.scholengroepDender],
    institution: [INSTITUTIONS.sintJozefscollege, INSTITUTIONS.atheneumDendermonde],
    staff_member: [
      staffMember({
        id: 3,
        insz: "85072312549",
        lastName: "De Wilde",
        firstName: "Bram",
        birthDate: "1985-07-23",
        gender: "M",
        street: "Kapellestraat",
        houseNumber: "5",
        postalCode: "9300",
        municipality: "Aalst",
      }),
    ],
    assignment: [
      assignment({
        id: 31,
        staffId: 3,
        institutionId: 3,
        startDate: "2017-10-01",
        endDate: "2017-10-28",
        numerator: "12",
        denominator: "29",
        daysPerWeek: "3.0",
        jobTitle: "leraar SO",
        status: "T",
        monthlySalary: "980.11",
      }),
      assignment({
        id: 32,
        staffId: 3,
        institutionId: 4,
        startDate: "2017-11-14",
        endDate: "2017-11-30",
        numerator: "15",
        denominator: "22",
        daysPerWeek: "3.5",
        jobTitle: "leraar SO",
        status: "T",
        monthlySalary: "1579.00",
      }),
    ],
    salary_line: [salaryLine(301, 3, 31, "2017-10", "885.25", "2017-10-25"), salaryLine(302, 3, 32, "2017-11", "894.76", "2017-11-29")],
    rl16_notification: [
      notification({
        id: 3,
        staffId: 3,
        boardId: 3,
        receivedAt: "2017-10-02 08:45:00",
        validFrom: "2017-10-01",
        maintenanceOfRights: 1,
        fulltimeRequest: 1,
      }),
    ],
  },
};

const example4: CircularExample = {
  example: 4,
  title: "CLB: psychopedagogical consultant 6/10 earning EUR 1817.86, scenario 3 but no scenario 6",
  staffId: 4,
  assignmentIds: [41],
  rows: {
    school_board: [BOARDS.clbWaasland],
    institution: [INSTITUTIONS.vrijClbSintNiklaas],
    staff_member: [
      staffMember({
        id: 4,
        insz: "79110223187",
        lastName: "Vandamme",
        firstName: "Tom",
        birthDate: "1979-11-02",
        gender: "M",
        street: "Ankerstraat",
        houseNumber: "41",
        postalCode: "9100",
        municipality: "Sint-Niklaas",
      }),
    ],
    assignment: [
      assignment({
        id: 41,
        staffId: 4,
        institutionId: 5,
        startDate: "2017-09-01",
        endDate: "2018-06-30",
        numerator: "6",
        denominator: "10",
        daysPerWeek: "3.0",
        jobTitle: "psychopedagogisch consulent",
        status: "V",
        monthlySalary: "1817.86",
      }),
    ],
    salary_line: monthlyLines(401, 4, 41, "1817.86", "2017-09", "2018-06"),
    rl16_notification: [
      notification({
        id: 4,
        staffId: 4,
        boardId: 5,
        receivedAt: "2017-09-06 14:00:00",
        validFrom: "2017-09-01",
        maintenanceOfRights: 0,
        fulltimeRequest: 0,
      }),
    ],
  },
};

const example5: CircularExample = {
  example: 5,
  title: "VWO: teacher SVWO 8/22 for the whole school year, RL16 early September",
  staffId: 5,
  assignmentIds: [51],
  rows: {
    school_board: [BOARDS.cvoKempen],
    institution: [INSTITUTIONS.cvoKempenTurnhout],
    staff_member: [
      staffMember({
        id: 5,
        insz: "72053004322",
        lastName: "Lemmens",
        firstName: "Koen",
        birthDate: "1972-05-30",
        gender: "M",
        street: "Gasthuisstraat",
        houseNumber: "9",
        postalCode: "2300",
        municipality: "Turnhout",
      }),
    ],
    assignment: [
      assignment({
        id: 51,
        staffId: 5,
        institutionId: 6,
        startDate: "2017-09-01",
        endDate: "2018-06-30",
        numerator: "8",
        denominator: "22",
        daysPerWeek: "2.0",
        jobTitle: "leraar SVWO",
        status: "T",
        monthlySalary: "862.43",
      }),
    ],
    salary_line: monthlyLines(501, 5, 51, "862.43", "2017-09", "2018-06"),
    rl16_notification: [
      notification({
        id: 5,
        staffId: 5,
        boardId: 6,
        receivedAt: "2017-09-04 11:00:00",
        validFrom: "2017-09-01",
        maintenanceOfRights: 1,
        fulltimeRequest: 1,
      }),
    ],
  },
};

const example6: CircularExample = {
  example: 6,
  title: "CBE: teacher 18/36 for the whole school year, RL16 early September",
  staffId: 6,
  assignmentIds: [61],
  rows: {
    school_board: [BOARDS.basiseducatieLeuven],
    institution: [INSTITUTIONS.cbeLeuven],
    staff_member: [
      staffMember({
        id: 6,
        insz: "83121431921",
        lastName: "Verbeke",
        firstName: "Wouter",
        birthDate: "1983-12-14",
        gender: "M",
        street: "Naamsesteenweg",
        houseNumber: "212",
        postalCode: "3001",
        municipality: "Heverlee",
      }),
    ],
    assignment: [
      assignment({
        id: 61,
        staffId: 6,
        institutionId: 7,
        startDate: "2017-09-01",
        endDate: "2018-06-30",
        numerator: "18",
        denominator: "36",
        daysPerWeek: "2.5",
        jobTitle: "leraar CBE",
        status: "T",
        monthlySalary: "1472.78",
      }),
    ],
    salary_line: monthlyLines(601, 6, 61, "1472.78", "2017-09", "2018-06"),
    rl16_notification: [
      notification({
        id: 6,
        staffId: 6,
        boardId: 7,
        receivedAt: "2017-09-07 09:00:00",
        validFrom: "2017-09-01",
        maintenanceOfRights: 1,
        fulltimeRequest: 1,
      }),
    ],
  },
};

const example7: CircularExample = {
  example: 7,
  title: "HO: administrative and technical staff grade B12, 50/100 from 1 October, open-ended",
  staffId: 7,
  assignmentIds: [71],
  rows: {
    school_board: [BOARDS.hogeschoolNoorderkempen],
    institution: [INSTITUTIONS.hogeschoolCampusGeel],
    staff_member: [
      staffMember({
        id: 7,
        insz: "90080626249",
        lastName: "Goossens",
        firstName: "Annelies",
        birthDate: "1990-08-06",
        gender: "F",
        street: "Markt",
        houseNumber: "3",
        box: "4",
        postalCode: "2440",
        municipality: "Geel",
      }),
    ],
    assignment: [
      assignment({
        id: 71,
        staffId: 7,
        institutionId: 8,
        startDate: "2017-10-01",
        endDate: null,
        numerator: "50",
        denominator: "100",
        daysPerWeek: "2.5",
        jobTitle: "ATP graad B12",
        status: "T",
        monthlySalary: "1325.56",
      }),
    ],
    salary_line: monthlyLines(701, 7, 71, "1325.56", "2017-10", "2018-08"),
    rl16_notification: [
      notification({
        id: 7,
        staffId: 7,
        boardId: 8,
        receivedAt: "2017-10-03 10:00:00",
        validFrom: "2017-10-01",
        maintenanceOfRights: 1,
        fulltimeRequest: 1,
      }),
    ],
  },
};

const example8: CircularExample = {
  example: 8,
  title: "DKO: guitar teacher 5/22 with other income, who asks for no declaration",
  staffId: 8,
  assignmentIds: [81],
  rows: {
    school_board: [BOARDS.stadLier],
    institution: [INSTITUTIONS.academieLier],
    staff_member: [
      staffMember({
        id: 8,
        insz: "86032109931",
        lastName: "Van Hove",
        firstName: "Stijn",
        birthDate: "1986-03-21",
        gender: "M",
        street: "Mechelsestraat",
        houseNumber: "120",
        postalCode: "2500",
        municipality: "Lier",
      }),
    ],
    assignment: [
      assignment({
        id: 81,
        staffId: 8,
        institutionId: 2,
        startDate: "2017-09-01",
        endDate: "2018-06-30",
        numerator: "5",
        denominator: "22",
        daysPerWeek: "1.5",
        jobTitle: "leraar gitaar",
        status: "T",
        monthlySalary: "549.79",
      }),
    ],
    salary_line: monthlyLines(801, 8, 81, "549.79", "2017-09", "2018-06"),
  },
};

const example9: CircularExample = {
  example: 9,
  title: "SO: teacher 12/24 who wants to stay half-time, no declaration",
  staffId: 9,
  assignmentIds: [91],
  rows: {
    school_board: [BOARDS.scholengroepDender],
    institution: [INSTITUTIONS.atheneumDendermonde],
    staff_member: [
      staffMember({
        id: 9,
        insz: "76101114824",
        lastName: "Wuyts",
        firstName: "Els",
        birthDate: "1976-10-11",
        gender: "F",
        street: "Noordlaan",
        houseNumber: "18",
        postalCode: "9200",
        municipality: "Dendermonde",
      }),
    ],
    assignment: [
      assignment({
        id: 91,
        staffId: 9,
        institutionId: 4,
        startDate: "2017-09-01",
        endDate: "2018-06-30",
        numerator: "12",
        denominator: "24",
        daysPerWeek: "2.5",
        jobTitle: "leraar",
        status: "T",
        monthlySalary: "1150.00",
      }),
    ],
    salary_line: monthlyLines(901, 9, 91, "1150.00", "2017-09", "2018-06"),
  },
};

export const CIRCULAR_EXAMPLES: readonly CircularExample[] = [
  example1,
  example2,
  example3,
  example4,
  example5,
  example6,
  example7,
  example8,
  example9,
];

/** The key that identifies a row of a table: its id, or the month for the payment calendar. */
function rowKey(row: ContractRow): string {
  return String(row.id ?? row.period_month);
}

/**
 * The rows of the chosen examples (all nine when none is named) with the payment calendar. Boards
 * and institutions shared by several examples appear once.
 */
export function circularExampleRows(...examples: number[]): ContractRows {
  const chosen = examples.length === 0 ? CIRCULAR_EXAMPLES : examples.map(exampleByNumber);
  const merged: ContractRows = {};
  const seen = new Map<string, ContractRow>();
  const parts: ContractRows[] = [...chosen.map((example) => example.rows), { payment_calendar: [...PAYMENT_CALENDAR_ROWS] }];
  for (const part of parts) {
    for (const [table, rows] of Object.entries(part) as [ContractTableName, ContractRow[]][]) {
      for (const row of rows) {
        const key = `${table}:${rowKey(row)}`;
        const earlier = seen.get(key);
        if (earlier === row) continue;
        if (earlier) throw new Error(`two different ${table} rows with key ${rowKey(row)} in the circular examples`);
        seen.set(key, row);
        (merged[table] ??= []).push(row);
      }
    }
  }
  return merged;
}

function exampleByNumber(number: number): CircularExample {
  const example = CIRCULAR_EXAMPLES.find((candidate) => candidate.example === number);
  if (!example) throw new RangeError(`the circular has examples 1-9, not ${number}`);
  return example;
}
