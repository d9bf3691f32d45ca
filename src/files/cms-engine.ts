/** PKI.js on Node's WebCrypto, shared by the FS signatures the adapter makes and the answers it checks. */
import { webcrypto } from "node:crypto";
import * as pkijs from "pkijs";

type EngineCrypto = ConstructorParameters<typeof pkijs.CryptoEngine>[0]["crypto"];

export const cmsEngine = new pkijs.CryptoEngine({ name: "node", crypto: webcrypto as unknown as EngineCrypto });

/** OIDs of CMS (RFC 5652) and PKCS#9. */
export const CMS_OID = {
  data: "1.2.840.113549.1.7.1",
  signedData: "1.2.840.113549.1.7.2",
  contentType: "1.2.840.113549.1.9.3",
  messageDigest: "1.2.840.113549.1.9.4",
  signingTime: "1.2.840.113549.1.9.5",
} as const;
