/**
 * The signatures on the channel's answers, made here by Debian's openssl as an institution would
 * (`openssl cms -sign`): enveloping (DER, base64 in 76-character columns) and detached; checked against
 * the institution's certificate, refused against another's, tampered content refused, and an answer
 * without a signature refused once certificates are configured.
 */
import { expect } from "chai";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { AnswerCertificateError, loadAnswerCertificates, openAnswer } from "../../../src/channel/answer-signature";
import { makeTestCertificate } from "../../support/test-certificate";

const ACRF = '<?xml version="1.0" encoding="UTF-8"?>\n<ACRF><Form><Identification>ACRF001</Identification></Form></ACRF>\n';

describe("the signatures on the channel's answers", function () {
  this.timeout(30_000);
  let dir: string;
  let riziv: { key: string; certificate: string };
  let other: { key: string; certificate: string };
  let answer: string;

  function sign(detached: boolean, outform: "DER" | "PEM" = "DER"): Buffer {
    const out = join(dir, `sig-${detached}-${outform}`);
    execFileSync("openssl", [
      "cms",
      "-sign",
      "-binary",
      ...(detached ? [] : ["-nodetach"]),
      "-in",
      answer,
      "-signer",
      riziv.certificate,
      "-inkey",
      riziv.key,
      "-md",
      "sha256",
      "-outform",
      outform,
      "-out",
      out,
    ]);
    return readFileSync(out);
  }

  before(() => {
    dir = mkdtempSync(join(tmpdir(), "easr-answer-sig-"));
    riziv = makeTestCertificate(dir, "riziv");
    other = makeTestCertificate(dir, "other");
    answer = join(dir, "FO.ACRF.999999.20261207.00001.T");
    writeFileSync(answer, ACRF);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it("enveloping, DER: verified against the institution's certificate, its XML taken out", async () => {
    const opened = await openAnswer(sign(false), null, loadAnswerCertificates(riziv.certificate));
    expect([opened.status, opened.content.toString("utf8"), opened.detail]).to.deep.equal(["verified", ACRF, "signed by easr test riziv"]);
  });

  it("enveloping, base64 in columns of 76 separated by CR: the same", async () => {
    const base64 = sign(false)
      .toString("base64")
      .match(/.{1,76}/g)!
      .join("\r");
    const opened = await openAnswer(Buffer.from(base64, "latin1"), null, loadAnswerCertificates(riziv.certificate));
    expect([opened.status, opened.content.toString("utf8")]).to.deep.equal(["verified", ACRF]);
  });

  it("detached (an FS file beside the answer): verified; the same signature on changed content is bad", async () => {
    const trusted = loadAnswerCertificates(riziv.certificate);
    const signature = sign(true, "PEM");
    expect((await openAnswer(Buffer.from(ACRF), signature, trusted)).status).to.equal("verified");
    const changed = await openAnswer(Buffer.from(ACRF.replace("ACRF001", "ACRF002")), signature, trusted);
    expect(changed.status).to.equal("bad");
  });

  it("a forged XML beside an old enveloping answer as its 'FS' file: bad — a detached signature carries no content of its own", async () => {
    const forged = await openAnswer(Buffer.from(ACRF.replace("ACRF001", "FORGED")), sign(false), loadAnswerCertificates(riziv.certificate));
    expect([forged.status, forged.detail]).to.deep.equal([
      "bad",
      "the signature does not verify (the FS file carries content of its own: no detached signature of this answer)",
    ]);
  });

  it("signed by another certificate than the one configured: bad, with why", async () => {
    const opened = await openAnswer(sign(false), null, loadAnswerCertificates(other.certificate));
    expect(opened.status).to.equal("bad");
    expect(opened.detail).to.match(/^the signature does not verify/);
  });

  it("no signature at all: unsigned once certificates are configured; not checked without them", async () => {
    expect((await openAnswer(Buffer.from(ACRF), null, loadAnswerCertificates(riziv.certificate))).status).to.equal("unsigned");
    const open = await openAnswer(Buffer.from(ACRF), null, null);
    expect([open.status, open.content.toString("utf8")]).to.deep.equal(["not-checked", ACRF]);
    const enveloped = await openAnswer(sign(false), null, null);
    expect([enveloped.status, enveloped.content.toString("utf8")]).to.deep.equal(["not-checked", ACRF]);
  });

  it("neither XML nor a signature: bad with certificates, unsigned without", async () => {
    expect((await openAnswer(Buffer.from("garbage!"), null, loadAnswerCertificates(riziv.certificate))).status).to.equal("bad");
    expect((await openAnswer(Buffer.from("garbage!"), null, null)).status).to.equal("unsigned");
  });

  it("EASR_ANSWER_CERT: a PEM file with two certificates gives both; a file that is none is refused", () => {
    const both = join(dir, "both.pem");
    writeFileSync(both, readFileSync(riziv.certificate, "utf8") + readFileSync(other.certificate, "utf8"));
    expect(loadAnswerCertificates(both)).to.have.length(2);
    expect(() => loadAnswerCertificates(answer)).to.throw(AnswerCertificateError);
    expect(() => loadAnswerCertificates(join(dir, "missing.pem"))).to.throw(AnswerCertificateError, "cannot be read");
  });
});
