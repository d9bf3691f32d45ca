/**
 * The signature file (FS) of a declaration file (FI), as the transfer point of social security takes it:
 * a PKCS#7/CMS detached SignedData of the FI file's bytes, hash SHA-256, signed by the agency's
 * certificate (RSA or ECC), DER-encoded and written in base64 on one line. The CMS structure is built by
 * PKI.js (not hand-written ASN.1), the key used through Node's WebCrypto; a PKCS#12 store is opened by
 * node-forge.
 *
 *   const credentials = loadSigningCredentials({ certificatePath, keyPath, passphrase }); // at start-up
 *   const fs = await signatureOf("/out/2018-03/FI.ZIMA…T", credentials);             // base64 text
 */
import { createHash, createPrivateKey, type KeyObject, webcrypto, X509Certificate } from "node:crypto";
import { createReadStream, readFileSync } from "node:fs";
import * as asn1js from "asn1js";
import forge from "node-forge";
import * as pkijs from "pkijs";
import { cmsEngine as engine, CMS_OID } from "./cms-engine";

/** The agency's signing certificate and key, read and checked once at start-up. */
export interface SigningCredentials {
  /** The certificate, DER. */
  readonly certificate: Buffer;
  readonly key: KeyObject;
  /** Who the certificate names, and until when it is valid: for the log and `easr config`. */
  readonly subject: string;
  readonly validTo: string;
}

export class SigningConfigError extends Error {}

const OID = CMS_OID;

/** The WebCrypto algorithm of a key: RSA PKCS#1 v1.5 or ECDSA on its curve, hash SHA-256. */
function signingAlgorithm(key: KeyObject): webcrypto.RsaHashedImportParams | webcrypto.EcKeyImportParams {
  if (key.asymmetricKeyType === "rsa") return { name: "RSASSA-PKCS1-v1_5", hash: "SHA-256" };
  if (key.asymmetricKeyType === "ec") {
    const curve = { prime256v1: "P-256", secp384r1: "P-384", secp521r1: "P-521" }[key.asymmetricKeyDetails?.namedCurve ?? ""];
    if (curve) return { name: "ECDSA", namedCurve: curve };
  }
  throw new SigningConfigError(
    `a ${key.asymmetricKeyType ?? "unknown"} key cannot sign: an RSA key, or an EC key on P-256, P-384 or P-521`,
  );
}

/** Whether a certificate file is a PKCS#12 store (.p12, .pfx) holding the key too. */
export function isPkcs12(path: string): boolean {
  return /\.(p12|pfx)$/i.test(path);
}

/** DER bytes of a node-forge ASN.1 object. */
function derOf(asn1: forge.asn1.Asn1): Buffer {
  return Buffer.from(forge.asn1.toDer(asn1).getBytes(), "binary");
}

/**
 * The certificate and key of a PKCS#12 store opened with the passphrase (node-forge reads the store; a key
 * or certificate it cannot decode itself, an EC one, is taken as its DER and given to Node's crypto).
 */
function fromPkcs12(path: string, passphrase: string): { certificate: X509Certificate; key: KeyObject } {
  let store: forge.pkcs12.Pkcs12Pfx;
  try {
    store = forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(readFileSync(path).toString("binary")), passphrase);
  } catch (error) {
    throw new SigningConfigError(`${path}: no PKCS#12 store that opens with the passphrase given (${(error as Error).message})`);
  }
  const keyBag = store.getBags({ bagType: forge.pki.oids.pkcs8ShroudedKeyBag })[forge.pki.oids.pkcs8ShroudedKeyBag]?.[0];
  const certBag = store.getBags({ bagType: forge.pki.oids.certBag })[forge.pki.oids.certBag]?.[0];
  if (!keyBag || !certBag) throw new SigningConfigError(`${path}: the PKCS#12 store holds no key or no certificate`);
  const keyAsn1 = keyBag.key ? forge.pki.wrapRsaPrivateKey(forge.pki.privateKeyToAsn1(keyBag.key)) : keyBag.asn1;
  const certificateAsn1 = certBag.cert ? forge.pki.certificateToAsn1(certBag.cert) : certBag.asn1;
  if (!keyAsn1 || !certificateAsn1) throw new SigningConfigError(`${path}: the PKCS#12 store's key or certificate cannot be read`);
  return {
    certificate: new X509Certificate(derOf(certificateAsn1)),
    key: createPrivateKey({ key: derOf(keyAsn1), format: "der", type: "pkcs8" }),
  };
}

/**
 * Reads the certificate and key — a PKCS#12 store (.p12, .pfx) opened with the passphrase, or a PEM/DER
 * certificate and a PEM private key (encrypted with the passphrase, or not) — and checks that the key is
 * the certificate's, the key type can sign and the certificate is valid on `now`.
 */
export function loadSigningCredentials(
  paths: { readonly certificatePath: string; readonly keyPath?: string; readonly passphrase?: string },
  now: Date,
): SigningCredentials {
  const { certificate, key } = isPkcs12(paths.certificatePath)
    ? fromPkcs12(paths.certificatePath, paths.passphrase ?? "")
    : fromPemFiles(paths.certificatePath, paths.keyPath, paths.passphrase);
  if (!certificate.checkPrivateKey(key)) throw new SigningConfigError(`the key is not the key of ${paths.certificatePath}`);
  signingAlgorithm(key);
  if (now < new Date(certificate.validFrom) || now > new Date(certificate.validTo))
    throw new SigningConfigError(`the signing certificate is valid from ${certificate.validFrom} to ${certificate.validTo}, not now`);
  return { certificate: certificate.raw, key, subject: certificate.subject.replace(/\n/g, ", "), validTo: certificate.validTo };
}

/** A PEM or DER certificate file and a PEM private key file. */
function fromPemFiles(certificatePath: string, keyPath: string | undefined, passphrase: string | undefined) {
  if (keyPath === undefined) throw new SigningConfigError(`${certificatePath} needs its private key (EASR_SIGNING_KEY)`);
  let certificate: X509Certificate;
  let key: KeyObject;
  try {
    certificate = new X509Certificate(readFileSync(certificatePath));
  } catch (error) {
    throw new SigningConfigError(`${certificatePath}: no PEM or DER certificate (${(error as Error).message})`);
  }
  try {
    key = createPrivateKey({ key: readFileSync(keyPath), passphrase });
  } catch (error) {
    throw new SigningConfigError(`${keyPath}: no private key that opens with the passphrase given (${(error as Error).message})`);
  }
  return { certificate, key };
}

/** SHA-256 of a file, read as a stream (an FI file may hold hundreds of megabytes). */
async function sha256Of(path: string): Promise<ArrayBuffer> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  const digest = hash.digest();
  return digest.buffer.slice(digest.byteOffset, digest.byteOffset + digest.byteLength) as ArrayBuffer;
}

type EngineKey = Parameters<pkijs.SignedData["sign"]>[0];

/** The signed attributes: the content type (data), the signing time and the FI file's digest. */
function signedAttributes(digest: ArrayBuffer, at: Date): pkijs.SignedAndUnsignedAttributes {
  return new pkijs.SignedAndUnsignedAttributes({
    type: 0,
    attributes: [
      new pkijs.Attribute({ type: OID.contentType, values: [new asn1js.ObjectIdentifier({ value: OID.data })] }),
      new pkijs.Attribute({ type: OID.signingTime, values: [new asn1js.UTCTime({ valueDate: at })] }),
      new pkijs.Attribute({ type: OID.messageDigest, values: [new asn1js.OctetString({ valueHex: digest })] }),
    ],
  });
}

/** The FS file's text for the FI file at `path`: the detached CMS signature, base64 on one line. */
export async function signatureOf(path: string, credentials: SigningCredentials, at: Date): Promise<string> {
  const certificate = pkijs.Certificate.fromBER(credentials.certificate);
  const pkcs8 = credentials.key.export({ format: "der", type: "pkcs8" });
  const algorithm = signingAlgorithm(credentials.key);
  const privateKey = await webcrypto.subtle.importKey("pkcs8", pkcs8, algorithm, false, ["sign"]);
  const signedData = new pkijs.SignedData({
    version: 1,
    // Detached: the content is the FI file, not carried in the signature.
    encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: OID.data }),
    signerInfos: [
      new pkijs.SignerInfo({
        version: 1,
        sid: new pkijs.IssuerAndSerialNumber({ issuer: certificate.issuer, serialNumber: certificate.serialNumber }),
        signedAttrs: signedAttributes(await sha256Of(path), at),
      }),
    ],
    certificates: [certificate],
  });
  await signedData.sign(privateKey as unknown as EngineKey, 0, "SHA-256", undefined, engine);
  const contentInfo = new pkijs.ContentInfo({ contentType: OID.signedData, content: signedData.toSchema(true) });
  return Buffer.from(contentInfo.toSchema().toBER(false)).toString("base64");
}
