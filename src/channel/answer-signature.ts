/**
 * The signatures on the channel's answers. The RVA and the RIZIV sign their answers in PKCS#7/CMS, the
 * RSZ in CAdES-T, which checks as plain CMS (its time stamp is not checked here). An answer comes either
 * as the signature holding the XML (enveloping: DER, base64 or PEM) or as the XML with a detached
 * signature file beside it (`FS.` with the answer's name elements).
 *
 * With the institutions' certificates configured (EASR_ANSWER_CERT), a signature must verify against
 * them — the signer's certificate, or one that issued it, among them — and be valid today: else the
 * answer is `bad`, and an answer without any signature is `unsigned`. Without them, the XML is taken out
 * of an enveloping signature unchecked (`not-checked`).
 */
import { X509Certificate } from "node:crypto";
import { readFileSync } from "node:fs";
import * as pkijs from "pkijs";
import { CMS_OID, cmsEngine } from "../files/cms-engine";

export type AnswerSignatureStatus = "verified" | "not-checked" | "unsigned" | "bad";

export interface OpenedAnswer {
  readonly status: AnswerSignatureStatus;
  /** The answer's XML: the file itself, or what its enveloping signature holds. */
  readonly content: Buffer;
  /** Why it is bad or unsigned; who signed a verified one. */
  readonly detail: string;
}

export class AnswerCertificateError extends Error {}

/** The trusted certificates of a PEM file holding one or more, or of a DER file. */
export function loadAnswerCertificates(path: string): pkijs.Certificate[] {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    throw new AnswerCertificateError(`${path} cannot be read (${(error as Error).message})`);
  }
  const pems = bytes.toString("latin1").match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g);
  const ders = pems ? pems.map((pem) => new X509Certificate(pem).raw) : [bytes];
  try {
    return ders.map((der) => pkijs.Certificate.fromBER(der));
  } catch (error) {
    throw new AnswerCertificateError(`${path}: no PEM or DER certificate (${(error as Error).message})`);
  }
}

/** Whether a file's bytes are XML (a BOM and white space may come first) rather than a signature. */
export function looksLikeXml(bytes: Buffer): boolean {
  const head = bytes
    .subarray(0, 64)
    .toString("utf8")
    .replace(/^\uFEFF/, "")
    .trimStart();
  return head.startsWith("<");
}

/** DER of a signature file: DER as it is, PEM, or base64 on one line or in columns (CR, LF or CRLF). */
function derOf(bytes: Buffer): Buffer {
  if (bytes[0] === 0x30) return bytes;
  const text = bytes
    .toString("latin1")
    .replace(/-----(BEGIN|END) [A-Z0-9 ]+-----/g, "")
    .replace(/\s+/g, "");
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(text)) throw new Error("neither DER, PEM nor base64");
  return Buffer.from(text, "base64");
}

/**
 * The SignedData of a signature file, signing plain data (id-data): a signature over anything else (a
 * time-stamp token, another structure) is no signature of an answer.
 */
function signedDataOf(bytes: Buffer): pkijs.SignedData {
  const contentInfo = pkijs.ContentInfo.fromBER(derOf(bytes));
  if (contentInfo.contentType !== pkijs.ContentInfo.SIGNED_DATA) throw new Error(`a CMS ${contentInfo.contentType}, not SignedData`);
  const signedData = new pkijs.SignedData({ schema: contentInfo.content });
  if (signedData.encapContentInfo.eContentType !== CMS_OID.data)
    throw new Error(`it signs ${signedData.encapContentInfo.eContentType}, not plain data`);
  return signedData;
}

/**
 * A detached signature's SignedData: it must carry no content of its own — PKI.js checks a signature
 * over the content it carries and ignores the data handed to it, so an old enveloping answer beside a
 * forged XML would otherwise pass.
 */
function detachedSignedDataOf(bytes: Buffer): pkijs.SignedData {
  const signedData = signedDataOf(bytes);
  if (signedData.encapContentInfo.eContent) throw new Error("the FS file carries content of its own: no detached signature of this answer");
  return signedData;
}

/** An answer file as fetched: plain XML (its detached signature, if the channel had one) or enveloping. */
export async function openAnswer(
  file: Buffer,
  detachedSignature: Buffer | null,
  trusted: pkijs.Certificate[] | null,
): Promise<OpenedAnswer> {
  if (looksLikeXml(file)) {
    if (detachedSignature === null)
      return trusted
        ? { status: "unsigned", content: file, detail: "no signature: neither enveloping nor an FS file beside it" }
        : notChecked(file);
    if (!trusted) return notChecked(file);
    return verify(file, () => detachedSignedDataOf(detachedSignature), file, trusted);
  }
  let signedData: pkijs.SignedData;
  let content: Buffer;
  try {
    signedData = signedDataOf(file);
    const eContent = signedData.encapContentInfo.eContent;
    if (!eContent) throw new Error("the signature holds no content (a detached signature, not an answer)");
    content = Buffer.from(eContent.getValue());
  } catch (error) {
    return {
      status: trusted ? "bad" : "unsigned",
      content: file,
      detail: `not XML and no CMS signature holding one (${(error as Error).message})`,
    };
  }
  if (!trusted) return notChecked(content);
  return verify(content, () => signedData, undefined, trusted);
}

function notChecked(content: Buffer): OpenedAnswer {
  return { status: "not-checked", content, detail: "no EASR_ANSWER_CERT: signature not checked" };
}

async function verify(
  content: Buffer,
  signedDataFn: () => pkijs.SignedData,
  detachedData: Buffer | undefined,
  trusted: pkijs.Certificate[],
): Promise<OpenedAnswer> {
  try {
    const signedData = signedDataFn();
    signedData.certificates = [...(signedData.certificates ?? []), ...trusted];
    const data = detachedData?.buffer.slice(detachedData.byteOffset, detachedData.byteOffset + detachedData.byteLength) as
      ArrayBuffer | undefined;
    const result = await signedData.verify(
      { signer: 0, data, trustedCerts: trusted, checkChain: true, extendedMode: true, checkDate: new Date() },
      cmsEngine,
    );
    if (!result.signatureVerified)
      return { status: "bad", content, detail: `the signature does not verify${result.message ? ` (${result.message})` : ""}` };
    const signer = result.signerCertificate?.subject.typesAndValues.map((tv) => String(tv.value.valueBlock.value)).join(", ") ?? "";
    return { status: "verified", content, detail: `signed by ${signer}` };
  } catch (error) {
    const message = (error as { message?: string }).message ?? String(error);
    return { status: "bad", content, detail: `the signature does not verify (${message})` };
  }
}
