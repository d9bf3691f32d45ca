/** The values the staff member's PDF copy is made of: Dutch dates, the agencies' addresses, their configuration. */
import { expect } from "chai";
import { ConfigError, loadConfig } from "../../../src/config/load-config";
import { addressLines, parsePostalAddress } from "../../../src/domain/agency";
import { dutchDate, withDutchDates } from "../../../src/texts/nl";
import { holderName } from "../../../reports/payslip-copies";

describe("the PDF copy's values", () => {
  it("writes dates in Dutch words: 1 december 2017, 29 februari 2024", () => {
    expect(dutchDate("2017-12-01")).to.equal("1 december 2017");
    expect(dutchDate("2024-02-29")).to.equal("29 februari 2024");
    expect(dutchDate("2018-03-31")).to.equal("31 maart 2018");
  });

  it("turns the ISO dates of an extract's line into Dutch ones, and nothing else", () => {
    expect(withDutchDates("Periode: 2017-11-21 tot en met 2017-11-30")).to.equal("Periode: 21 november 2017 tot en met 30 november 2017");
    expect(withDutchDates("opzeggingsvergoeding 2017-09-20 – 2017-09-30: EUR 500,00")).to.equal(
      "opzeggingsvergoeding 20 september 2017 – 30 september 2017: EUR 500,00",
    );
    // A file name, a month, a date that does not exist and a longer run of digits stay as they are.
    for (const line of ["Bestand FI.WECH.900123.20261124.00008.T, volgnummer 2", "refertemaand 2017-11", "2017-02-30", "12017-11-210"])
      expect(withDutchDates(line)).to.equal(line);
  });

  it("reads an agency's address as street lines, postal code and municipality", () => {
    const address = parsePostalAddress("Hendrik Consciencegebouw, Koning Albert II-laan 15, 1210 Brussel");
    expect(address).to.deep.equal({
      streetLines: ["Hendrik Consciencegebouw", "Koning Albert II-laan 15"],
      postalCode: "1210",
      municipality: "Brussel",
    });
    expect(addressLines(address!)).to.deep.equal(["Hendrik Consciencegebouw", "Koning Albert II-laan 15", "1210 Brussel"]);
    for (const bad of [
      "Koning Albert II-laan 15 1210 Brussel",
      "Koning Albert II-laan 15, 0210 Brussel",
      "1210 Brussel",
      "Straat 1, 12100 Brussel",
    ])
      expect(parsePostalAddress(bad), bad).to.equal(null);
  });

  it("configures each agency's name and address, with the agencies' own as defaults; a bad one is a ConfigError naming the variable", () => {
    const defaults = loadConfig({});
    expect(defaults.agencies.AGODI).to.deep.equal({
      agency: "AGODI",
      name: "Agentschap voor Onderwijsdiensten (AGODI)",
      address: { streetLines: ["Koning Albert II-laan 15"], postalCode: "1210", municipality: "Brussel" },
    });
    expect(defaults.agencies.AHOVOKS.name).to.equal(
      "Agentschap voor Hoger Onderwijs, Volwassenenonderwijs, Kwalificaties en Studietoelagen (AHOVOKS)",
    );
    const configured = loadConfig({ EASR_AHOVOKS_NAME: "  AHOVOKS Brussel  ", EASR_AHOVOKS_ADDRESS: "Hoogstraat 1, 9000 Gent" });
    expect(configured.agencies.AHOVOKS).to.deep.equal({
      agency: "AHOVOKS",
      name: "AHOVOKS Brussel",
      address: { streetLines: ["Hoogstraat 1"], postalCode: "9000", municipality: "Gent" },
    });
    expect(() => loadConfig({ EASR_AGODI_ADDRESS: "Brussel" })).to.throw(ConfigError, /EASR_AGODI_ADDRESS: must be "<street and number>/);
    expect(() => loadConfig({ EASR_AHOVOKS_NAME: "A\nB" })).to.throw(ConfigError, /EASR_AHOVOKS_NAME: must be one line of text/);
    expect(() => loadConfig({ EASR_AGODI_NAME: "x".repeat(151) })).to.throw(ConfigError, /EASR_AGODI_NAME: must be at most 150/);
  });

  it("names the holder by first and last name, either alone, or not at all", () => {
    const holder = { staffId: 1, firstName: "Lien", lastName: "Verhaegen", inszMasked: null, agencies: [] };
    expect(holderName(holder)).to.equal("Lien Verhaegen");
    expect(holderName({ ...holder, firstName: null })).to.equal("Verhaegen");
    expect(holderName({ ...holder, firstName: null, lastName: " " })).to.equal(null);
  });
});
