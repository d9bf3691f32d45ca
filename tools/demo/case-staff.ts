/** The staff row of a person of the demo's hand-worked cases (decision-cases.ts, breastfeeding-cases.ts). */
import type { CalendarDate } from "../../src/domain/calendar-date";
import { makeInsz } from "../../src/domain/check-digits";
import type { ContractRow } from "../../src/source/contract-writer";
import type { DemoDecisionCase } from "./decision-cases";

/** The staff row of a demo case person: the INSZ from the birth date and serial, whose parity must fit the gender. */
export function caseStaffRow(c: {
  readonly staffId: number;
  readonly lastName: string;
  readonly firstName: string;
  readonly gender: "M" | "F";
  readonly birthDate: CalendarDate;
  readonly serial: number;
}): ContractRow {
  if ((c.serial % 2 === 1) !== (c.gender === "M"))
    throw new Error(`staff member ${c.staffId}: serial ${c.serial} does not match gender ${c.gender}`);
  return {
    id: c.staffId,
    insz: makeInsz(c.birthDate, c.serial),
    last_name: c.lastName,
    first_name: c.firstName,
    birth_date: c.birthDate,
    gender: c.gender,
    country_code: "150",
  };
}

/** A case's decision part (what the demo checks), without the rows that set it up. */
export function decisionCaseOf({ staffId, decision, description, expected, absent }: DemoDecisionCase): DemoDecisionCase {
  return absent === undefined ? { staffId, decision, description, expected } : { staffId, decision, description, expected, absent };
}
