/**
 * The FS signature file of an FI file (issue 15): a detached CMS SignedData, SHA-256, base64 on one line,
 * verified by Debian's openssl against the FI file with a certificate the test makes, for an RSA and an
 * EC key; and the start-up checks of the credentials.
 */
import { expect } from "chai";
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadSigningCredentials, signatureOf, SigningConfigError } from "../../../src/files/fi-signature";
import { EC_P256, makeTestCertificate, opensslVerifies, RSA_3072 } from "../../support/test-certificate";

describe("the FS signature file of an FI file", function () {
  this.timeout(30_000);
  let dir: string;
  let fi: string;

  before(() => {
    dir = mkdtempSync(join(tmpdir(), "easr-fs-"));
    fi = join(dir, "FI.ZIMA.900123.20261207.00001.T");
    writeFileSync(fi, '<?xml version="1.0" encoding="UTF-8"?>\n<ZIMA006>\n  <Form/>\n</ZIMA006>\n');
  });

  after(() => rmSync(dir, { recursive: true, force: true }));

  for (const [kind, keySpec] of [
    ["RSA 3072", RSA_3072],
    ["EC P-256", EC_P256],
  ] as const) {
    it(`${kind}: openssl cms -verify accepts the signature against the FI file, and refuses it against one byte changed`, async () => {
      const made = makeTestCertificate(dir, kind.replace(/\W/g, ""), keySpec);
      const credentials = loadSigningCredentials({ certificatePath: made.certificate, keyPath: made.key }, new Date());
      const text = await signatureOf(fi, credentials, new Date());
      expect(text).to.match(/^[A-Za-z0-9+/]+=*$/, "base64 on one line");
      expect(opensslVerifies(dir, fi, text, made.certificate)).to.equal(true);
      const changed = join(dir, "FI.changed");
      writeFileSync(changed, '<?xml version="1.0" encoding="UTF-8"?>\n<ZIMA006>\n  <Form/>\n</ZIMA007>\n');
      expect(opensslVerifies(dir, changed, text, made.certificate)).to.equal(false);
    });
  }

  it("opens an encrypted key with its passphrase, and refuses a wrong one, another certificate's key, an expired certificate and a missing store, each with a clear message", () => {
    const locked = makeTestCertificate(dir, "locked", ["-newkey", "rsa:2048"], "geheim");
    expect(
      loadSigningCredentials({ certificatePath: locked.certificate, keyPath: locked.key, passphrase: "geheim" }, new Date()).subject,
    ).to.contain("easr test locked");
    expect(() =>
      loadSigningCredentials({ certificatePath: locked.certificate, keyPath: locked.key, passphrase: "fout" }, new Date()),
    ).to.throw(SigningConfigError, "no private key that opens with the passphrase given");
    const other = makeTestCertificate(dir, "other", ["-newkey", "rsa:2048"]);
    expect(() => loadSigningCredentials({ certificatePath: locked.certificate, keyPath: other.key }, new Date())).to.throw(
      SigningConfigError,
      "is not the key of",
    );
    const inThreeDays = new Date(Date.now() + 3 * 86_400_000);
    expect(() => loadSigningCredentials({ certificatePath: other.certificate, keyPath: other.key }, inThreeDays)).to.throw(
      SigningConfigError,
      "not now",
    );
    expect(() => loadSigningCredentials({ certificatePath: join(dir, "agency.p12"), passphrase: "x" }, new Date())).to.throw(
      SigningConfigError,
      "no PKCS#12 store that opens with the passphrase given",
    );
  });

  for (const [kind, keySpec] of [
    ["RSA 2048", ["-newkey", "rsa:2048"]],
    ["EC P-256", EC_P256],
  ] as const) {
    it(`${kind}: a PKCS#12 store (OpenSSL 3's defaults) opens with its passphrase, signs what openssl verifies, and refuses a wrong passphrase`, async () => {
      const made = makeTestCertificate(dir, `p12${kind.replace(/\W/g, "")}`, keySpec);
      const store = join(dir, `${kind.replace(/\W/g, "")}.p12`);
      execFileSync(
        "openssl",
        ["pkcs12", "-export", "-in", made.certificate, "-inkey", made.key, "-out", store, "-passout", "pass:geheim"],
        {
          stdio: "pipe",
        },
      );
      const credentials = loadSigningCredentials({ certificatePath: store, passphrase: "geheim" }, new Date());
      expect(opensslVerifies(dir, fi, await signatureOf(fi, credentials, new Date()), made.certificate)).to.equal(true);
      expect(() => loadSigningCredentials({ certificatePath: store, passphrase: "fout" }, new Date())).to.throw(
        SigningConfigError,
        "no PKCS#12 store that opens with the passphrase given",
      );
    });
  }
});
