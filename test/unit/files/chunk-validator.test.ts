/**
 * The compiled program validates in a worker thread (dist/, built by `npm test` before mocha runs); its
 * verdicts must be those of validating on the main thread.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { expect } from "chai";
import { chunkValidator, validatesInWorker } from "../../../src/files/chunk-validator";
import { loadXsd } from "../../../src/files/xsd-validator";

type ChunkValidatorModule = typeof import("../../../src/files/chunk-validator");

const DOCUMENTS = [
  "<ZIMA005>\n<Form/>\n</ZIMA005>\n",
  "<ZIMA005>\n  <Form>\n    <Identification>ZIMA005</Identification>\n  </Form>\n</ZIMA005>\n",
  "<ZIMA005>\n  <Form>\n</ZIMA005>\n",
];

describe("chunk validation in a worker thread", () => {
  const compiled = join(__dirname, "..", "..", "..", "dist", "src", "files", "chunk-validator.js");

  it("runs on the main thread under ts-node, where no compiled worker exists", () => {
    expect(validatesInWorker()).to.equal(false);
  });

  it("the compiled validator uses the worker and gives the main thread's verdicts", async function () {
    if (!existsSync(compiled)) this.skip();
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the compiled module, loaded only when the build is there
    const worker = require(compiled) as ChunkValidatorModule;
    expect(worker.validatesInWorker()).to.equal(true);
    const inWorker = worker.chunkValidator("official/ZIMA005_20231.xsd");
    const onMain = chunkValidator("official/ZIMA005_20231.xsd");
    const schema = await loadXsd("official/ZIMA005_20231.xsd");
    for (const xml of DOCUMENTS) {
      const [a, b] = await Promise.all([inWorker.validate(xml), onMain.validate(xml)]);
      expect(a.valid).to.equal(false);
      expect(a).to.deep.equal(b);
      expect(a).to.deep.equal(schema.validateString(xml));
      expect(a.errors.length).to.be.greaterThan(0);
    }
  });
});
