/** The glossaries' text decoded the same on every Node version (schemas/tools/windows-1252.ts). */
import { expect } from "chai";
import { decodeWindows1252 } from "../../../schemas/tools/windows-1252";

const ALL_BYTES = Uint8Array.from({ length: 256 }, (_, i) => i);

describe("Windows-1252 text of the glossaries", () => {
  it("decodes 0x80-0x9F as Windows-1252 and the other bytes as their code points", () => {
    const text = decodeWindows1252(Uint8Array.from([0x42, 0x96, 0x52, 0x80, 0x92, 0x93, 0x94, 0x9f, 0xe9, 0xff]));
    expect(text).to.equal("B\u2013R\u20ac\u2019\u201c\u201d\u0178\u00e9\u00ff");
    // The five bytes Windows-1252 leaves undefined stay C1 code points, as the WHATWG decoder has them.
    expect(decodeWindows1252(Uint8Array.from([0x81, 0x8d, 0x8f, 0x90, 0x9d]))).to.equal("\u0081\u008d\u008f\u0090\u009d");
    const decoded = decodeWindows1252(ALL_BYTES);
    expect(decoded).to.have.length(256);
    expect(decoded.slice(0, 0x80)).to.equal(String.fromCharCode(...ALL_BYTES.slice(0, 0x80)));
    expect(decoded.slice(0xa0)).to.equal(String.fromCharCode(...ALL_BYTES.slice(0xa0)));
  });

  it("reads a slice of a larger buffer, not the buffer behind it", () => {
    const bytes = Buffer.from([0x41, 0x96, 0x42, 0x43]).subarray(1, 3);
    expect(decodeWindows1252(bytes)).to.equal("\u2013B");
  });

  it("agrees with the WHATWG decoder for all 256 bytes where the runtime has it right (Node 22, 24)", function () {
    const whatwg = new TextDecoder("windows-1252");
    // Node 20 decodes the label as ISO-8859-1 (0x96 -> U+0096): the reason for our own table.
    if (whatwg.decode(Uint8Array.from([0x96])) !== "\u2013") this.skip();
    expect(decodeWindows1252(ALL_BYTES)).to.equal(whatwg.decode(ALL_BYTES));
  });
});
