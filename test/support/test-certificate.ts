/**
 * A signing certificate for tests, made by Debian's openssl (self-signed, valid two days), and the check
 * the transfer point makes of an FS file: `openssl cms -verify` of the detached signature against its FI.
 */
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";

/** openssl req -newkey options: an RSA key of 3072 bits unless told. */
export const RSA_3072 = ["-newkey", "rsa:3072"] as const;
export const EC_P256 = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256"] as const;

/** A self-signed certificate and its PEM key in `dir`, the key encrypted when a passphrase is given. */
export function makeTestCertificate(
  dir: string,
  name: string,
  keySpec: readonly string[] = RSA_3072,
  passphrase?: string,
): { readonly key: string; readonly certificate: string } {
  const key = join(dir, `${name}.key`);
  const certificate = join(dir, `${name}.crt`);
  execFileSync(
    "openssl",
    ["req", "-x509", ...keySpec, "-keyout", key, "-out", certificate, "-days", "2", "-subj", `/CN=easr test ${name}`].concat(
      passphrase === undefined ? ["-noenc"] : ["-passout", `pass:${passphrase}`],
    ),
    { stdio: "pipe" },
  );
  return { key, certificate };
}

/** Whether `openssl cms -verify` accepts the FS text (base64 DER) for the FI file, the certificate the trust anchor. */
export function opensslVerifies(dir: string, fi: string, fsText: string, certificate: string): boolean {
  const der = join(dir, `verify-${Date.now()}.der`);
  writeFileSync(der, Buffer.from(fsText, "base64"));
  try {
    execFileSync(
      "openssl",
      [
        "cms",
        "-verify",
        "-binary",
        "-inform",
        "DER",
        "-in",
        der,
        "-content",
        fi,
        "-CAfile",
        certificate,
        "-purpose",
        "any",
        "-out",
        `${der}.out`,
      ],
      { stdio: "pipe" },
    );
    return true;
  } catch {
    return false;
  }
}
