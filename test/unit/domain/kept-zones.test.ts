/** The zones a cancellation must repeat, as the state keeps them (easr_declaration.kept_zones). */
import { expect } from "chai";
import { keptZonesText, parseKeptZones } from "../../../src/domain/kept-zones";

describe("kept zones", () => {
  it("keeps a ZIMA006's WorkRecoveryDate as JSON and reads it back", () => {
    const text = keptZonesText({ "00128": "2024-04-15" });
    expect(text).to.equal('{"00128":"2024-04-15"}');
    expect(parseKeptZones(text)).to.deep.equal({ "00128": "2024-04-15" });
  });

  it("keeps nothing for none, and reads what is no object of texts as nothing kept (the XSD then refuses the cancellation)", () => {
    expect(keptZonesText(null)).to.equal(null);
    expect(keptZonesText({})).to.equal(null);
    for (const text of [null, "", "not json", "[1]", '"00128"', '{"00128":20240415}'])
      expect(parseKeptZones(text), String(text)).to.equal(null);
  });
});
