/** ZIMA001 zone 00054 Retired (D24 OQ6): the birth date an INSZ carries, the age on a day, the legal pension age then. */
import { expect } from "chai";
import { benefitsCodes } from "../../../mappings/benefits-codes";
import { makeInsz } from "../../../src/domain/check-digits";
import { ageOnDay, birthDateOfInsz, legalPensionAgeOn } from "../../../src/rules/pension-age";

describe("the age and the legal pension age of ZIMA001's Retired zone", () => {
  it("reads the birth date of a national-register number, of one from 2000 (its check digits say so) and of a BIS number (+40)", () => {
    expect(birthDateOfInsz("88013014435")).to.equal("1988-01-30");
    expect(birthDateOfInsz(makeInsz("2001-03-04", 12))).to.equal("2001-03-04");
    // A BIS number carries its month + 40: 1959-05-31 as 59 45 31.
    const bis = makeInsz("1959-05-31", 14).replace(/^(\d{2})05/, "$145");
    expect(birthDateOfInsz(`${bis.slice(0, 9)}${String(97 - (Number(bis.slice(0, 9)) % 97)).padStart(2, "0")}`)).to.equal("1959-05-31");
    expect(birthDateOfInsz("88013014436"), "a wrong check digit").to.equal(null);
  });

  it("counts whole years on a day, the birthday included, and takes 65, then 66 from 2025-02-01, 67 from 2030-02-01", () => {
    expect([ageOnDay("88013014435", "2053-01-29"), ageOnDay("88013014435", "2053-01-30")]).to.deep.equal([64, 65]);
    const ages = benefitsCodes.legalPensionAges;
    expect(
      ["2024-06-10", "2025-01-31", "2025-02-01", "2030-01-31", "2030-02-01"].map((day) => legalPensionAgeOn(day as never, ages)),
    ).to.deep.equal([65, 65, 66, 66, 67]);
  });
});
