/**
 * The benefits sector on the real CLI path: ZIMA002 (monthly adapted work, seed 002) and
 * ZIMA005 (yearly holiday declaration, seed 003) written by `easr run` into FI.ZIMA files beside the
 * WECH ones, validated against the official XSDs, with their values checked one rule at a time.
 */
import { expect } from "chai";
import { makeInsz } from "../../src/domain/check-digits";
import { PAYMENT_CALENDAR_ROWS } from "../../tools/demo/circular-examples";
import { type ContractRow, type ContractRows, writeContractRowsToUrl } from "../../src/source/contract-writer";
import { at, batchFilesIn, type XmlNode } from "../support/batch-files";
import { CliWorkspace } from "../support/cli-harness";
import { expectSummaryAddsUp } from "../support/summary-checks";
import { expectFolderValid } from "../support/xsd-check";

const PERSON = "EmployerDeclarationLink.NaturalPerson";
const LINK = `${PERSON}.WorkerRecordLink.OccupationLink`;

const BOARD = {
  id: 1,
  name: "VZW Katholiek Basisonderwijs Deinze-Leie",
  agency: "AGODI",
  noss_number: "110234582",
  kbo_number: "0412345614",
};
const INSTITUTION = { id: 1, board_id: 1, name: "Vrije Basisschool De Linde Deinze", level: "BaO" };

function staff(id: number): ContractRow {
  return {
    id,
    insz: inszOf(id),
    last_name: `Benefits${id}`,
    first_name: "Test",
    birth_date: "1985-03-14",
    gender: "F",
    street: "Kerkstraat",
    house_number: "1",
    box: null,
    postal_code: "9800",
    municipality: "Deinze",
    country_code: "BE",
    nationality: "BE",
  };
}

/** A valid INSZ of a woman born on 14 March 1985, distinct for every staff id of these tests. */
function inszOf(id: number): string {
  return makeInsz("1985-03-14", 2 * (id % 499));
}

function assignment(
  id: number,
  staffId: number,
  numerator: string,
  denominator: string,
  end: string | null = "2018-08-31",
  monthlySalary = "3000.00",
): ContractRow {
  return {
    id,
    staff_id: staffId,
    institution_id: 1,
    start_date: "2017-09-01",
    end_date: end,
    hours_numerator: numerator,
    hours_denominator: denominator,
    days_per_week: "5.0",
    job_title: "leraar",
    status: "T",
    joint_committee: null,
    employer_category: null,
    worker_code: null,
    monthly_salary: monthlySalary,
  };
}

function adaptedWork(
  id: number,
  staffId: number,
  assignmentId: number,
  subRisk: number,
  start: string,
  end: string | null,
  q: string,
  days = "2.5",
): ContractRow {
  return {
    id,
    staff_id: staffId,
    assignment_id: assignmentId,
    sub_risk: subRisk,
    start_date: start,
    end_date: end,
    days_per_week: days,
    q_hours: q,
    s_hours: "38.00",
  };
}

function salary(id: number, staffId: number, assignmentId: number, month: string, amount: string, wageCode = "01"): ContractRow {
  return {
    id,
    staff_id: staffId,
    assignment_id: assignmentId,
    period_month: month,
    gross_amount: amount,
    wage_code: wageCode,
    paid_on: `${month}-25`,
  };
}

function holiday(
  id: number,
  staffId: number,
  assignmentId: number,
  subRisk: number,
  sector: number,
  code: number | null,
  days: string | null,
  hours: string | null,
  reportedAt = "2018-01-08 09:00:00",
): ContractRow {
  return {
    id,
    staff_id: staffId,
    assignment_id: assignmentId,
    holiday_year: 2017,
    sub_risk: subRisk,
    holiday_sector: sector,
    holiday_code: code,
    days,
    hours,
    reported_at: reportedAt,
  };
}

function rows(extra: ContractRows): ContractRows {
  return { school_board: [BOARD], institution: [INSTITUTION], payment_calendar: [...PAYMENT_CALENDAR_ROWS], ...extra };
}

/** The forms of one type and person in a month's folder. */
function forms(w: CliWorkspace, month: string, formType: string, staffId: number): XmlNode[] {
  return batchFilesIn(w.monthDir(month))
    .filter((f) => f.formType === formType)
    .flatMap((f) => f.forms)
    .filter((form) => at(form, `${PERSON}.INSS`) === inszOf(staffId));
}

/** A repeated element as a list, whether the parser gave one node or several. */
function list(node: XmlNode | undefined, path: string): XmlNode[] {
  let current: unknown = node;
  for (const part of path.split(".")) current = current === undefined ? undefined : (current as Record<string, unknown>)[part];
  if (current === undefined) return [];
  return (Array.isArray(current) ? current : [current]) as XmlNode[];
}

function value(node: XmlNode, path: string): string | undefined {
  return at(node, path);
}

describe("benefits sector on the CLI path: ZIMA002 and ZIMA005", function () {
  this.timeout(180_000);
  const made: CliWorkspace[] = [];
  after(async () => {
    for (const w of made) await w.remove();
  });
  async function workspace(label: string, data: ContractRows): Promise<CliWorkspace> {
    const w = new CliWorkspace(label);
    made.push(w);
    await w.initContract();
    await writeContractRowsToUrl(w.dbUrl, rows(data));
    return w;
  }

  it("ZIMA002 sub-risk 1: the first period starts with the adapted work, a Q change splits the month, services only", async () => {
    const w = await workspace("zima002-sr1", {
      staff_member: [staff(101)],
      assignment: [assignment(1011, 101, "20", "20")],
      adapted_work: [
        adaptedWork(1, 101, 1011, 1, "2018-07-16", "2018-08-12", "19.00"),
        adaptedWork(2, 101, 1011, 1, "2018-08-13", null, "24.00", "3.0"),
      ],
      performance_line: [
        { id: 1, adapted_work_id: 1, period_month: "2018-07", performance_code: "1", days: "6.00", hours: "45.60" },
        { id: 2, adapted_work_id: 1, period_month: "2018-08", performance_code: "1", days: "4.00", hours: "30.40" },
        { id: 3, adapted_work_id: 2, period_month: "2018-08", performance_code: "1", days: "8.00", hours: "76.80" },
      ],
      salary_line: [salary(1, 101, 1011, "2018-07", "3000.00"), salary(2, 101, 1011, "2018-08", "3000.00")],
    });
    await w.run("2018-07");
    const [july] = forms(w, "2018-07", "ZIMA002", 101);
    expect(batchFilesIn(w.monthDir("2018-07")).map((f) => f.fileName.split(".").slice(0, 2).join("."))).to.include("FI.ZIMA");
    expect(value(july, "RiskIdentification.IdentificationOfRisk")).to.equal("001");
    const julyLinks = list(july, LINK);
    expect(julyLinks).to.have.length(1);
    expect([value(julyLinks[0], "ReferencePeriod.RefStartingDate"), value(julyLinks[0], "ReferencePeriod.RefEndingDate")]).to.deep.equal([
      "2018-07-16",
      "2018-07-31",
    ]);
    expect(value(julyLinks[0], "ExceptSituationCalculBase.ExceptSituationMeanWorkingHours")).to.equal("1900");
    expect(value(julyLinks[0], "ExceptSituationCalculBase.ExceptSituationWorkingDaysSystem")).to.equal("250");
    const services = list(julyLinks[0], "ReferencePeriod.Service");
    expect(services.map((s) => [value(s, "ServiceCode"), value(s, "ServiceNbrDays"), value(s, "ServiceNbrHours")])).to.deep.equal([
      ["1", "600", "4560"],
    ]);
    // Sub-risk 1: no day natures, no exact wage, even though the month was paid.
    expect(list(julyLinks[0], "ReferencePeriod.NatureOfDay")).to.deep.equal([]);
    expect(list(julyLinks[0], "ReferencePeriod.ExactSalary")).to.deep.equal([]);

    await w.run("2018-08");
    const [august] = forms(w, "2018-08", "ZIMA002", 101);
    const links = list(august, LINK);
    expect(
      links.map((l) => [
        value(l, "ReferencePeriod.RefStartingDate"),
        value(l, "ReferencePeriod.RefEndingDate"),
        value(l, "ExceptSituationCalculBase.ExceptSituationMeanWorkingHours"),
        value(l, "ExceptSituationCalculBase.ExceptSituationWorkingDaysSystem"),
      ]),
    ).to.deep.equal([
      ["2018-08-01", "2018-08-12", "1900", "250"],
      ["2018-08-13", "2018-08-31", "2400", "300"],
    ]);
    expect(links.map((l) => list(l, "ReferencePeriod.Service").map((s) => value(s, "ServiceNbrHours")))).to.deep.equal([
      ["3040"],
      ["7680"],
    ]);
    // July is not declared again in August's run.
    expect(forms(w, "2018-08", "ZIMA002", 101)).to.have.length(1);
    expect(await expectFolderValid(w.monthDir("2018-07"))).to.be.greaterThan(0);
    expect(await expectFolderValid(w.monthDir("2018-08"))).to.be.greaterThan(0);
    expectSummaryAddsUp(w.summaryOf("2018-08"));

    // `easr explain` traces a person with benefits data only: the assignment, the two periods, what was sent.
    const explained = await w.easr("explain", "--month", "2018-08", "--staff", "101", "--db", w.dbUrl);
    expect(explained.code, explained.err.join("\n")).to.equal(0);
    const text = explained.out.join("\n");
    expect(text).to.match(/#1011 Vrije Basisschool De Linde Deinze .* 2017-09-01 … 2018-08-31, fraction 20\/20/);
    expect(text).to.include("ZIMA002 assignment #1011 2018-08: declare — sub-risk 1");
    expect(text).to.include(
      "2018-08-01 … 2018-08-12 (adapted Q 19.00 h, 2.50 days/week; services 1 30.40 h); 2018-08-13 … 2018-08-31 (adapted Q 24.00 h, 3.00 days/week; services 1 76.80 h)",
    );
    expect(text).to.match(/ZIMA002 assignment #1011 2018-07: run \d+ \(2018-07\), FI\.ZIMA\./);
  });

  it("ZIMA002 sub-risk 2: day natures and exact wages by allowed code in cents, never 02; a month without pay is code 01 amount 0; a definitive stop ends the period", async () => {
    const w = await workspace("zima002-sr2", {
      staff_member: [staff(201)],
      assignment: [assignment(2011, 201, "12", "20")],
      adapted_work: [adaptedWork(3, 201, 2011, 2, "2018-02-01", "2018-04-19", "15.00")],
      day_nature: [
        { id: 1, adapted_work_id: 3, day: "2018-02-02", code: "3.1", hours: "7.60" },
        { id: 2, adapted_work_id: 3, day: "2018-02-03", code: "5.4", hours: "3.80" },
      ],
      salary_line: [
        salary(10, 201, 2011, "2018-02", "1234.56", "01"),
        salary(11, 201, 2011, "2018-02", "100.01", "05"),
        salary(12, 201, 2011, "2018-02", "50.00", "02"),
        salary(13, 201, 2011, "2018-04", "800.00", "01"),
      ],
    });
    await w.run("2018-02");
    const [november] = forms(w, "2018-02", "ZIMA002", 201);
    expect(value(november, "RiskIdentification.IdentificationOfRisk")).to.equal("002");
    const link = list(november, LINK)[0];
    expect(
      list(link, "ReferencePeriod.NatureOfDay").map((d) => [value(d, "DayIndicator"), value(d, "DayNatureCode"), value(d, "HoursNumber")]),
    ).to.deep.equal([
      ["--02-02", "3.1", "760"],
      ["--02-03", "5.4", "380"],
    ]);
    const wages = list(link, "ReferencePeriod.ExactSalary").map((e) => [
      Number(value(e, "ExactSalaryCode")),
      value(e, "ExactSalaryAmount"),
    ]);
    expect(wages).to.deep.equal([
      [1, "123456"],
      [5, "10001"],
    ]);
    expect(list(link, "ReferencePeriod.Service")).to.deep.equal([]);

    await w.run("2018-03");
    const [december] = forms(w, "2018-03", "ZIMA002", 201);
    const zero = list(list(december, LINK)[0], "ReferencePeriod.ExactSalary").map((e) => [
      Number(value(e, "ExactSalaryCode")),
      value(e, "ExactSalaryAmount"),
    ]);
    expect(zero).to.deep.equal([[1, "0"]]);

    await w.run("2018-04");
    const [january] = forms(w, "2018-04", "ZIMA002", 201);
    const period = list(january, LINK)[0];
    expect([value(period, "ReferencePeriod.RefStartingDate"), value(period, "ReferencePeriod.RefEndingDate")]).to.deep.equal([
      "2018-04-01",
      "2018-04-19",
    ]);
    await w.run("2018-05");
    expect(forms(w, "2018-05", "ZIMA002", 201)).to.deep.equal([]);
    for (const month of ["2018-02", "2018-03", "2018-04"]) await expectFolderValid(w.monthDir(month));
  });

  it("ZIMA002 severance pay: a code-03 line after the end of the occupation gives the severance block with its covered period", async () => {
    const w = await workspace("zima002-severance", {
      staff_member: [staff(301)],
      assignment: [assignment(3011, 301, "12", "20", "2018-04-19", "2000.00")],
      adapted_work: [adaptedWork(4, 301, 3011, 2, "2018-03-01", "2018-04-19", "15.00")],
      salary_line: [salary(20, 301, 3011, "2018-04", "1200.00", "01"), salary(21, 301, 3011, "2018-04", "4000.00", "03")],
    });
    await w.run("2018-04");
    // March (adapted work since 1 March, never declared) and April are both in April's run.
    const declared = forms(w, "2018-04", "ZIMA002", 301).map((form) => list(form, LINK)[0]);
    expect(declared.map((l) => value(l, "ReferencePeriod.RefStartingDate"))).to.deep.equal(["2018-03-01", "2018-04-01"]);
    const link = declared[1];
    expect(value(link, "ReferencePeriod.RefEndingDate")).to.equal("2018-04-19");
    expect([
      value(link, "SeverancePayment.SeverancePaymentStartDate"),
      value(link, "SeverancePayment.SeverancePaymentEndDate"),
      value(link, "SeverancePayment.SeverancePaymentRemuneration"),
    ]).to.deep.equal(["2018-04-20", "2018-06-19", "400000"]);
    // The severance line is not an exact wage.
    expect(
      list(link, "ReferencePeriod.ExactSalary").map((e) => [Number(value(e, "ExactSalaryCode")), value(e, "ExactSalaryAmount")]),
    ).to.deep.equal([[1, "120000"]]);
    await expectFolderValid(w.monthDir("2018-04"));
  });

  it("ZIMA005: declared in January for the previous holiday year — codes per sub-risk, half days, hours for part-timers only, no details for the public sector", async () => {
    const w = await workspace("zima005", {
      staff_member: [staff(401), staff(402), staff(403), staff(404), staff(405)],
      assignment: [
        assignment(4011, 401, "10", "20"), // part-timer: hours declared
        assignment(4021, 402, "20", "20"), // full-timer: no hours
        assignment(4031, 403, "20", "20"),
        assignment(4041, 404, "20", "20"),
        assignment(4051, 405, "20", "20"),
      ],
      adapted_work: [adaptedWork(5, 403, 4031, 1, "2017-06-01", null, "19.00", "2.5")],
      holiday_balance: [
        // Glossary 00196 / block 90089 of ZIMA005: risks 001 and 003 declare two details (codes 1 and 3) or four;
        // risks 002 and 004 one (code 8) or two.
        holiday(1, 401, 4011, 1, 1, 1, "8.5", "32.30"),
        holiday(2, 401, 4011, 1, 1, 3, "2.0", "7.60"),
        holiday(3, 402, 4021, 2, 1, 8, "10.0", "76.00"),
        holiday(4, 402, 4021, 2, 1, 9, "3.5", null),
        holiday(5, 403, 4031, 3, 1, 1, "4.5", "17.10"),
        holiday(8, 403, 4031, 3, 1, 3, "1.0", "3.80"),
        holiday(6, 404, 4041, 2, 2, null, null, null),
        holiday(7, 405, 4051, 2, 1, 8, "5.0", null, "2018-02-20 10:00:00"),
      ],
    });
    await w.run("2017-12");
    expect(batchFilesIn(w.monthDir("2017-12")).filter((f) => f.formType === "ZIMA005")).to.deep.equal([]);
    await w.run("2018-01");
    const details = (staffId: number) =>
      list(forms(w, "2018-01", "ZIMA005", staffId)[0], `${LINK}.HolidaysSector.HolidayDetail`).map((d) => [
        value(d, "HolidayCode"),
        value(d, "HolidayDaysNumber"),
        value(d, "HolidayHoursNumber") ?? null,
      ]);
    const first = forms(w, "2018-01", "ZIMA005", 401)[0];
    expect(value(first, `${PERSON}.HolidayYear.HolidaysYear`)).to.equal("2017");
    expect(value(first, "RiskIdentification.IdentificationOfRisk")).to.equal("001");
    expect(details(401)).to.deep.equal([
      ["1", "85", "3230"],
      ["3", "20", "760"],
    ]);
    // Full-timer: no hours even where the data has them.
    expect(details(402)).to.deep.equal([
      ["8", "100", null],
      ["9", "35", null],
    ]);
    const adapted = forms(w, "2018-01", "ZIMA005", 403)[0];
    expect(value(adapted, "RiskIdentification.IdentificationOfRisk")).to.equal("003");
    expect(value(adapted, `${LINK}.ExceptSituationCalculBase.ExceptSituationMeanWorkingHours`)).to.equal("1900");
    expect(details(403)).to.deep.equal([
      ["1", "45", "1710"],
      ["3", "10", "380"],
    ]);
    const publicSector = forms(w, "2018-01", "ZIMA005", 404)[0];
    expect(value(publicSector, `${LINK}.HolidaysSector.HolidaySectorIndicator`)).to.equal("2");
    expect(details(404)).to.deep.equal([]);
    // Registered after January's cut-off (and February's): declared by the next run after it, March.
    expect(forms(w, "2018-01", "ZIMA005", 405)).to.deep.equal([]);
    await w.run("2018-02");
    expect(forms(w, "2018-02", "ZIMA005", 405)).to.deep.equal([]);
    expect(forms(w, "2018-02", "ZIMA005", 401)).to.deep.equal([]);
    await w.run("2018-03");
    expect(details(405)).to.deep.equal([]);
    expect(
      list(forms(w, "2018-03", "ZIMA005", 405)[0], `${LINK}.HolidaysSector.HolidayDetail`).map((d) => value(d, "HolidayCode")),
    ).to.deep.equal(["8"]);
    for (const month of ["2018-01", "2018-03"]) await expectFolderValid(w.monthDir(month));
    expectSummaryAddsUp(w.summaryOf("2018-01"));
  });
  it("bad ZIMA data is rejected with the rule it breaks, and the rest of the run goes on", async () => {
    const w = await workspace("zima-bad", {
      staff_member: [staff(501), staff(502), staff(503), staff(504), staff(505), staff(506)],
      assignment: [
        assignment(5011, 501, "12", "20"),
        assignment(5021, 502, "10", "20"),
        assignment(5031, 503, "10", "20"),
        assignment(5041, 504, "10", "20"),
        assignment(5051, 505, "12", "20"),
        assignment(5061, 506, "12", "20"),
      ],
      adapted_work: [
        adaptedWork(6, 501, 5011, 7, "2018-01-01", null, "15.00"), // unknown sub-risk
        adaptedWork(7, 505, 5051, 2, "2018-01-01", "2018-01-14", "15.00"),
        adaptedWork(8, 505, 5051, 1, "2018-01-15", null, "15.00"), // sub-risk changes within the month
        adaptedWork(9, 506, 5061, 2, "2018-01-01", null, "15.00"), // the good one
      ],
      day_nature: [{ id: 5, adapted_work_id: 9, day: "2018-01-05", code: "3.5", hours: "7.60" }],
      salary_line: [salary(30, 506, 5061, "2018-01", "900.00"), salary(31, 506, 5061, "2018-01", "10.00", "77")],
      holiday_balance: [
        holiday(10, 502, 5021, 1, 1, 8, "2.0", "7.60"), // code 8 is for sub-risks 2 and 4
        holiday(11, 503, 5031, 1, 1, 1, "2.3", "8.74"), // not in half days
        holiday(13, 503, 5031, 1, 1, 3, "1.0", "3.80"),
        holiday(12, 504, 5041, 1, 1, 1, "2.0", null), // a part-timer without hours
      ],
    });
    await w.run("2018-01");
    const summary = w.summaryOf("2018-01");
    expectSummaryAddsUp(summary);
    const units = w.decisionsOf("2018-01").filter((l) => l.kind === "unit") as {
      staffId: number;
      formType: string;
      status: string;
      rule: string | null;
    }[];
    const outcome = (staffId: number, formType: string) =>
      units.filter((u) => u.staffId === staffId && u.formType === formType).map((u) => u.rule ?? u.status);
    expect(outcome(501, "ZIMA002")).to.deep.equal(["SUB_RISK_NOT_ALLOWED"]);
    expect(outcome(505, "ZIMA002")).to.deep.equal(["SUB_RISK_CHANGES_IN_MONTH"]);
    expect(outcome(502, "ZIMA005")).to.deep.equal(["HOLIDAY_CODE_NOT_ALLOWED"]);
    expect(outcome(503, "ZIMA005")).to.deep.equal(["DAYS_NOT_IN_HALF_DAYS"]);
    expect(outcome(504, "ZIMA005")).to.deep.equal(["HOLIDAY_HOURS_MISSING"]);
    // A day-nature code 3.5 (never declared) and an unknown wage code: the month's form is rejected, both rows reported.
    expect(outcome(506, "ZIMA002")).to.deep.equal(["DAY_NATURE_CODE_NOT_ALLOWED"]);
    const rejected = summary.rejectedRecords.items.map((r) => `${r.table} ${r.recordId} ${r.field} ${r.rule}`);
    expect(rejected).to.include.members([
      "adapted_work 6 sub_risk SUB_RISK_NOT_ALLOWED",
      "holiday_balance 10 holiday_code HOLIDAY_CODE_NOT_ALLOWED",
      "holiday_balance 11 days DAYS_NOT_IN_HALF_DAYS",
      "holiday_balance 12 hours HOLIDAY_HOURS_MISSING",
      "adapted_work 8 sub_risk SUB_RISK_CHANGES_IN_MONTH",
      "day_nature 5 code DAY_NATURE_CODE_NOT_ALLOWED",
    ]);
    expect(summary.persons.rejected).to.equal(6);
    expect(summary.forms.ZIMA002.rejected).to.equal(3);
    expect(summary.forms.ZIMA005.rejected).to.equal(3);

    // The data fixed, the next run declares what was rejected; nothing is lost.
    const db = new (await import("better-sqlite3")).default(w.dbUrl.slice("sqlite:".length));
    db.prepare("UPDATE salary_line SET wage_code = '05' WHERE id = 31").run();
    db.prepare("UPDATE day_nature SET code = '3.1' WHERE id = 5").run();
    db.prepare("UPDATE holiday_balance SET days = 2.5 WHERE id = 11").run();
    db.close();
    await w.run("2018-02");
    const wages = list(
      list(
        forms(w, "2018-02", "ZIMA002", 506).find((f) => value(list(f, LINK)[0], "ReferencePeriod.RefStartingDate") === "2018-01-01"),
        LINK,
      )[0],
      "ReferencePeriod.ExactSalary",
    );
    expect(wages.map((e) => [Number(value(e, "ExactSalaryCode")), value(e, "ExactSalaryAmount")])).to.deep.equal([
      [1, "90000"],
      [5, "1000"],
    ]);
    expect(
      list(forms(w, "2018-02", "ZIMA005", 503)[0], `${LINK}.HolidaysSector.HolidayDetail`).map((d) => value(d, "HolidayDaysNumber")),
    ).to.deep.equal(["25", "10"]);
    await expectFolderValid(w.monthDir("2018-02"));
  });

  it("before the first day ZIMA002 is accepted electronically (sub-risk 1: 1 July 2018) the month is not eligible, with the reason", async () => {
    const w = await workspace("zima-early", {
      staff_member: [staff(601)],
      assignment: [assignment(6011, 601, "20", "20")],
      adapted_work: [adaptedWork(10, 601, 6011, 1, "2018-06-01", null, "19.00")],
    });
    await w.run("2018-06");
    const units = w.decisionsOf("2018-06").filter((l) => l.kind === "unit") as {
      formType: string;
      status: string;
      reason: string | null;
    }[];
    expect(units.map((u) => [u.formType, u.status, u.reason])).to.deep.equal([["ZIMA002", "not-eligible", "BEFORE_ZIMA002_START"]]);
    await w.run("2018-07");
    expect(forms(w, "2018-07", "ZIMA002", 601).map((f) => value(list(f, LINK)[0], "ReferencePeriod.RefStartingDate"))).to.deep.equal([
      "2018-07-01",
    ]);
  });

  it("lifecycle: a re-run sends nothing again; after acceptance a pay correction is a modification with the ticket, removed adapted work a cancellation with the same risk code", async () => {
    const w = await workspace("zima-lifecycle", {
      staff_member: [staff(701), staff(702)],
      assignment: [assignment(7011, 701, "12", "20"), assignment(7021, 702, "12", "20")],
      adapted_work: [
        adaptedWork(11, 701, 7011, 2, "2018-02-01", null, "15.00"),
        adaptedWork(12, 702, 7021, 2, "2018-02-01", "2018-02-28", "15.00"),
      ],
      salary_line: [salary(40, 701, 7011, "2018-02", "900.00"), salary(41, 702, 7021, "2018-02", "700.00")],
    });
    await w.run("2018-02");
    expect(forms(w, "2018-02", "ZIMA002", 701)).to.have.length(1);
    const again = await w.easr("run", "--month", "2018-02", "--db", w.dbUrl, "--out", w.outDir);
    expect(again.code).to.equal(0);
    expect(await w.stateCount("SELECT COUNT(*) AS n FROM easr_declaration WHERE form_type = 'ZIMA002'")).to.equal(2);
    expect(await w.stateCount("SELECT COUNT(*) AS n FROM easr_declaration WHERE form_type = 'ZIMA002' AND risk_code = '002'")).to.equal(2);

    const db = new (await import("better-sqlite3")).default(w.dbUrl.slice("sqlite:".length));
    db.prepare("UPDATE easr_file SET status = 'received' WHERE status = 'written'").run();
    db.prepare("UPDATE easr_declaration SET status = 'accepted', ticket = 'TCK' || id WHERE status = 'written'").run();
    db.prepare(
      "INSERT INTO salary_line (id, staff_id, assignment_id, period_month, gross_amount, wage_code, paid_on) VALUES (42, 701, 7011, '2018-02', 55.55, '01', '2018-03-10')",
    ).run();
    db.prepare("DELETE FROM adapted_work WHERE id = 12").run();
    db.prepare(
      "INSERT INTO adapted_work (id, staff_id, assignment_id, sub_risk, start_date, end_date, days_per_week, q_hours, s_hours) VALUES (13, 702, 7021, 2, '2018-03-01', NULL, 2.5, 15.00, 38.00)",
    ).run();
    const ticketOf = (staffId: number) =>
      (
        db.prepare("SELECT ticket FROM easr_declaration WHERE staff_id = ? AND reference_month = '2018-02'").get(staffId) as {
          ticket: string;
        }
      ).ticket;
    const tickets = { 701: ticketOf(701), 702: ticketOf(702) };
    db.close();
    await w.run("2018-03");
    const february = forms(w, "2018-03", "ZIMA002", 701).find((f) => value(f, "AttestationStatus") === "1")!;
    const reference = list(february, "Reference")[0];
    expect([value(reference, "ReferenceType"), value(reference, "ReferenceNbr")]).to.deep.equal(["3", tickets[701]]);
    expect(value(list(list(february, LINK)[0], "ReferencePeriod.ExactSalary")[0], "ExactSalaryAmount")).to.equal("95555");
    const cancelled = forms(w, "2018-03", "ZIMA002", 702).find((f) => value(f, "AttestationStatus") === "3")!;
    expect([
      value(cancelled, "RiskIdentification.IdentificationOfRisk"),
      value(list(cancelled, "Reference")[0], "ReferenceNbr"),
    ]).to.deep.equal(["002", tickets[702]]);
    expect(value(cancelled, `${PERSON}.WorkerRecordLink`)).to.equal(undefined);
    expect(w.summaryOf("2018-03").forms.ZIMA002.cancellations).to.equal(1);
    expect(w.summaryOf("2018-03").forms.ZIMA002.modifications).to.equal(1);
    await expectFolderValid(w.monthDir("2018-03"));
  });
});
