import { expect } from "chai";
import type { HolidayYearPeriod, ReferencePeriod } from "../../../src/domain/reference-period";
import type { YearMonth } from "../../../src/domain/year-month";
import {
  type AssignmentContext,
  type DecisionUnit,
  type PersonDecision,
  perFormType,
  type Wech006Declaration,
} from "../../../src/rules/decision-types";
import { type ReconciliationScope, reconcilePerson, type StandingDeclaration } from "../../../src/rules/reconciliation";

const context = { assignmentId: 11 } as AssignmentContext;
const NONE = perFormType(() => 0);

function declared(month: YearMonth, amount: number): DecisionUnit {
  const declaration = { formType: "WECH006", referencePeriod: month, exactSalary: amount } as unknown as Wech006Declaration;
  return {
    formType: "WECH006",
    staffId: 1,
    assignmentId: 11,
    referencePeriod: month,
    context,
    outcome: { status: "declared", declaration },
  };
}

function notEligible(month: YearMonth): DecisionUnit {
  return {
    formType: "WECH006",
    staffId: 1,
    assignmentId: 11,
    referencePeriod: month,
    context,
    outcome: { status: "not-eligible", reason: "GROSS_AT_OR_ABOVE_THRESHOLD", detail: "gross EUR 1700.00 >= EUR 1600.00" },
  };
}

function person(units: DecisionUnit[]): PersonDecision {
  return {
    staffId: 1,
    identity: null,
    notifications: [],
    windows: [],
    lateNotifications: [],
    status: "declared",
    reason: null,
    units,
    problems: [],
    previouslyDeclared: NONE,
    previouslyDecided: NONE,
    notes: [],
    sectors: new Set(["WECH"] as const),
  };
}

function standing(
  month: ReferencePeriod,
  status: StandingDeclaration["status"],
  hash: string,
  extra: Partial<StandingDeclaration> = {},
): StandingDeclaration {
  return {
    id: 7,
    formType: "WECH006",
    staffId: 1,
    assignmentId: 11,
    referencePeriod: month,
    status,
    attestationStatus: 0,
    ticket: status.startsWith("accepted") ? "340000JEDT00A" : null,
    contentHash: hash,
    factsHash: "facts-then",
    ...extra,
  };
}

const hash = (unit: DecisionUnit) =>
  unit.outcome.status === "declared" ? `h${(unit.outcome.declaration as Wech006Declaration).exactSalary}` : "";
/** The source facts changed since the standing forms were declared (their factsHash is "facts-then"): corrections go out. */
const digests = { contentHash: hash, factsHash: () => "facts-now" };
const scope: ReconciliationScope = {
  assignmentIds: new Set([11]),
  monthsFrom: "2016-09",
  benefitsMonthsFrom: "2016-09",
  runMonth: "2017-12",
  holidayYearsFrom: 2015,
  holidayYearsTo: 2016,
  sectors: new Set(["WECH", "ZIMA"] as const),
};
const key = (month: string) => `WECH006:1:11:${month}`;

describe("reconciliation: desired state against what was declared", () => {
  it("declares an original for what was never declared, or was refused, or whose file was rejected", () => {
    for (const latest of [
      new Map(),
      new Map([[key("2017-11"), standing("2017-11", "refused", "h1")]]),
      new Map([[key("2017-11"), standing("2017-11", "file-rejected", "h1")]]),
    ]) {
      expect(reconcilePerson(person([declared("2017-11", 100)]), latest, digests, scope).map((r) => r.action)).to.deep.equal(["original"]);
    }
  });

  it("does not send a refused form again while its content is unchanged (it waits for the data to be fixed)", () => {
    const latest = new Map([[key("2017-11"), standing("2017-11", "refused", "h100")]]);
    expect(
      reconcilePerson(person([declared("2017-11", 100)]), latest, digests, scope).map((r) => [
        r.action,
        r.action === "waiting" && r.wanted,
      ]),
    ).to.deep.equal([["waiting", "nothing"]]);
    expect(reconcilePerson(person([declared("2017-11", 90)]), latest, digests, scope).map((r) => r.action)).to.deep.equal(["original"]);
  });

  it("modifies an accepted form whose content changed, referencing its ticket; leaves an unchanged one alone", () => {
    const latest = new Map([[key("2017-11"), standing("2017-11", "accepted", "h100")]]);
    const changed = reconcilePerson(person([declared("2017-11", 150)]), latest, digests, scope);
    expect(changed.map((r) => r.action)).to.deep.equal(["modification"]);
    expect(changed[0].action === "modification" && changed[0].replaces.ticket).to.equal("340000JEDT00A");
    expect(reconcilePerson(person([declared("2017-11", 100)]), latest, digests, scope).map((r) => r.action)).to.deep.equal(["unchanged"]);
  });

  it("waits for the answer before correcting a form that has none yet", () => {
    for (const status of ["written", "file-received", "pending"] as const) {
      const latest = new Map([[key("2017-11"), standing("2017-11", status, "h100")]]);
      const result = reconcilePerson(person([declared("2017-11", 150)]), latest, digests, scope);
      expect(
        result.map((r) => [r.action, r.action === "waiting" && r.wanted]),
        status,
      ).to.deep.equal([["waiting", "modification"]]);
    }
  });

  it("cancels an accepted form that should not exist any more: now not eligible, or gone from the window", () => {
    const latest = new Map([
      [key("2017-10"), standing("2017-10", "accepted", "h100", { id: 5 })],
      [key("2017-11"), standing("2017-11", "accepted-with-warnings", "h100", { id: 6 })],
    ]);
    const result = reconcilePerson(person([notEligible("2017-11")]), latest, digests, scope);
    expect(result.map((r) => [r.action, r.action === "cancellation" ? r.replaces.id : null])).to.deep.equal([
      ["cancellation", 6],
      ["cancellation", 5],
    ]);
  });

  it("never cancels for a rejection (bad data is reported, not acted on), nor before the run's look-back, nor twice", () => {
    const rejected: DecisionUnit = {
      ...notEligible("2017-11"),
      outcome: {
        status: "rejected",
        rule: "FIELD_NOT_A_NUMBER",
        detail: "x",
        problem: { table: "salary_line", recordId: "1", field: "gross_amount", rule: "FIELD_NOT_A_NUMBER", value: "abc" },
      },
    };
    const latest = new Map([
      [key("2017-11"), standing("2017-11", "accepted", "h100")],
      [key("2015-11"), standing("2015-11", "accepted", "h100", { id: 3 })],
      [key("2017-09"), standing("2017-09", "accepted", "cancelled", { id: 4, attestationStatus: 3 })],
    ]);
    expect(reconcilePerson(person([rejected]), latest, digests, scope).map((r) => r.action)).to.deep.equal(["none"]);
  });

  it("cancels the WECH003 of an assignment that no longer exists, not of one still there", () => {
    const start: StandingDeclaration = {
      ...standing("2017-11", "accepted", "h1"),
      formType: "WECH003",
      referencePeriod: null,
      assignmentId: 99,
    };
    const kept: StandingDeclaration = { ...start, id: 8, assignmentId: 11 };
    const latest = new Map([
      ["WECH003:1:99:-", start],
      ["WECH003:1:11:-", kept],
    ]);
    const result = reconcilePerson(person([]), latest, digests, scope);
    expect(result.map((r) => [r.action, r.action === "cancellation" && r.replaces.assignmentId])).to.deep.equal([["cancellation", 99]]);
  });
  it("cancels a ZIMA005 whose holiday year is in scope but no longer yields a form, and leaves other years alone", () => {
    const zima = (id: number, year: HolidayYearPeriod): StandingDeclaration =>
      standing(year, "accepted", "z", { id, formType: "ZIMA005", referencePeriod: year });
    const latest = new Map([
      ["ZIMA005:1:11:2016", zima(21, "2016")],
      ["ZIMA005:1:11:2014", zima(22, "2014")],
    ]);
    const result = reconcilePerson(person([]), latest, digests, scope);
    expect(result.map((r) => [r.action, r.action === "cancellation" ? r.replaces.id : null])).to.deep.equal([["cancellation", 21]]);
  });

  it("leaves the declarations of a sector the person was not decided for this run alone", () => {
    const latest = new Map([
      [key("2017-10"), standing("2017-10", "accepted", "h1")],
      ["ZIMA002:1:11:2017-10", standing("2017-10", "accepted", "z", { id: 8, formType: "ZIMA002" })],
    ]);
    const onlyBenefits = reconcilePerson(person([]), latest, digests, { ...scope, sectors: new Set(["ZIMA"] as const) });
    expect(onlyBenefits.map((r) => [r.action, r.action === "cancellation" ? r.replaces.formType : null])).to.deep.equal([
      ["cancellation", "ZIMA002"],
    ]);
    const onlyUnemployment = reconcilePerson(person([]), latest, digests, { ...scope, sectors: new Set(["WECH"] as const) });
    expect(onlyUnemployment.map((r) => [r.action, r.action === "cancellation" ? r.replaces.formType : null])).to.deep.equal([
      ["cancellation", "WECH006"],
    ]);
  });

  describe("D27: a rule change is not a data change", () => {
    const same = { contentHash: hash, factsHash: () => "facts-then" };

    it("holds the modification of an accepted form whose facts are the same as when it was declared", () => {
      const latest = new Map([[key("2017-11"), standing("2017-11", "accepted", "h100")]]);
      const result = reconcilePerson(person([declared("2017-11", 150)]), latest, same, scope);
      expect(result.map((r) => [r.action, r.action === "held" && r.wanted])).to.deep.equal([["held", "modification"]]);
    });

    it("holds the cancellation a rule change causes (the unit is now not eligible on the same facts)", () => {
      const latest = new Map([[key("2017-11"), standing("2017-11", "accepted", "h100")]]);
      const result = reconcilePerson(person([notEligible("2017-11")]), latest, same, scope);
      expect(result.map((r) => [r.action, r.action === "held" && r.wanted])).to.deep.equal([["held", "cancellation"]]);
    });

    it("holds the correction of a form declared before facts were recorded: nobody can tell the data changed", () => {
      const latest = new Map([[key("2017-11"), standing("2017-11", "accepted", "h100", { factsHash: null })]]);
      expect(reconcilePerson(person([declared("2017-11", 150)]), latest, digests, scope).map((r) => r.action)).to.deep.equal(["held"]);
    });

    it("sends them once the operator accepts (--accept-reissue), and a data change is corrected without waiting", () => {
      const latest = new Map([[key("2017-11"), standing("2017-11", "accepted", "h100")]]);
      expect(
        reconcilePerson(person([declared("2017-11", 150)]), latest, same, { ...scope, acceptReissue: true }).map((r) => r.action),
      ).to.deep.equal(["modification"]);
      expect(reconcilePerson(person([declared("2017-11", 150)]), latest, digests, scope).map((r) => r.action)).to.deep.equal([
        "modification",
      ]);
    });

    it("a form whose content is the same is unchanged whatever the facts", () => {
      const latest = new Map([[key("2017-11"), standing("2017-11", "accepted", "h100", { factsHash: null })]]);
      expect(reconcilePerson(person([declared("2017-11", 100)]), latest, same, scope).map((r) => r.action)).to.deep.equal(["unchanged"]);
    });
  });

  it("D18: a form declared while its window was recent is left alone once the window is too old", () => {
    const old: DecisionUnit = {
      ...notEligible("2015-11"),
      outcome: { status: "not-eligible", reason: "WINDOW_TOO_OLD", detail: "window ended 2016-08-31" },
    };
    const latest = new Map([[key("2015-11"), standing("2015-11", "accepted", "h100")]]);
    expect(reconcilePerson(person([old]), latest, digests, scope).map((r) => r.action)).to.deep.equal(["unchanged"]);
  });
});
