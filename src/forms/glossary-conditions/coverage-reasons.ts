/**
 * The reasons behind the coverage decisions (domain.md D22): why a class-B anomaly of a glossary is
 * enforced by the XSD, or cannot be checked before the form is sent. Each form type's file lists its
 * own anomaly codes under these reasons; test/unit/glossary-conditions.test.ts verifies the XSD claims.
 */
import type { NotCheckableDecision, XsdDecision, XsdEnforcement } from "./types";

/**
 * The mechanical kinds the XSD enforces for every zone and block that has them (each one verified):
 * -001 "Niet aanwezig" of an indispensable zone or block, -002 "Niet numeriek", -003 "Ongeldig" of a
 * date/time or patterned zone, -091 "Fout op volgorde", -093 "Foutieve lengte".
 */
export const XSD_BY_KIND: Readonly<Record<string, XsdEnforcement>> = {
  "001": "presence",
  "002": "numeric",
  "003": "typed",
  "091": "order",
  "093": "length",
};

export function xsd(by: XsdEnforcement, reason: string, codes: readonly string[]): XsdDecision {
  return { by, reason, codes };
}

export function notCheckable(reason: string, codes: readonly string[]): NotCheckableDecision {
  return { reason, codes };
}

export const REASON = {
  enumeration: "the XSD enumerates exactly the values the glossary allows in this form",
  range: "the XSD's minInclusive / maxInclusive are the glossary's domain",
  pattern: "the XSD's pattern is the glossary's format (for CompanyID: 0, or 10 digits starting with 0 or 1, the leading 0 droppable)",
  mandate: 'needs the sender\'s mandates for the employer, which the social-security portal holds ("Geen of vervallen mandaat")',
  employerRegister:
    "needs the RSZ employer repertory (whether the employer is registered for the quarter, its categories, its trusteeship, whether it is a provincial or local authority): only the institutions hold it",
  personRegisters:
    'needs the national / BIS registers and the institutions\' records of the worker (Dimona and DmfA work relations): "Niet identificeerbaar", "Geen geldige werkrelatie gevonden"',
  earlierForms:
    "concerns the form the ticket refers to (whether it exists, was accepted for this sector, has the same employer, INSZ and risk, is the latest situation and may still be corrected): only the institution's database of received forms knows",
  ticketCheckDigit:
    "the check-digit algorithm of ticket numbers is not published (domain.md Q8): the ticket is copied unchanged from the institution's answer",
  ticketFormat:
    'no format of a ticket number beyond its length (20, the XSD) is published: "Ongeldig" can only be judged by the institution that issued it',
  processing:
    "concerns the institution's own processing (the time indication of the risk, a form it cannot process, an occupation number it cannot assign, a fraction Q/S that does not match its DmfA data): not a property of the form alone",
  codeTables:
    "a compatibility between codes (joint committee, employer class, worker code, worker status, quarter, sector, type of contract or apprentice) laid down in the DmfA annexes and the employer's registration, which the glossary does not reproduce",
  age: "needs the worker's exact age and the age rules per worker code or service code (annexes 2 and 8): the INSZ does not always carry the birth date",
  committeeList:
    "the joint committee must exist in the official list of joint committees, which the glossary does not reproduce (the CCC / CCC.CC / CCC.CC.CC format is the XSD's pattern)",
  clockOfReceipt:
    'relative to the moment the institution receives the form ("lopend jaar", "niet in de toekomst") and to the production date of the form, which the glossary does not give; the form\'s own FormCreationDate cannot be held against itself',
  request:
    'concerns an answer (TypeForm FA) to a request of the institution ("Onverenigbaar met de aanvraag", "Aanvraag reeds beantwoord / niet meer geldig"): the project only submits (SU) and does not hold the institution\'s requests',
  neverPpl:
    "NOSSLPAEmployerDeclarationLink (90168) and its PPL number (00109) are never written: the ministry declares as an employer registered with the RSZ (D1), and the PPL link exists only for provincial and local authorities up to 2021/4",
  neverPersonDetails:
    "never written: NaturalPerson carries only NaturalPersonSequenceNbr and INSS (form-envelope.ts); the worker's address zones and NaturalPersonUserReference are left out",
  neverOccupationExtras:
    "never written: WorkerStatus (00053), ContractType (00050), Apprenticeship (00055) and RemunMethod (00056) concern special contracts of annex 21, apprentices, childminders, mandataries and piece, commission or service-voucher pay, none of which the agencies declare; their presence and values follow from data the source does not hold",
  neverContactWech:
    "never written on the unemployment forms: CoordinatesContactPerson (90257) with its Communication (90258) and Address (90022) blocks is optional there and form-envelope.ts writes it only on the ZIMA forms",
  neverContactAddress:
    "never written: the contact person's Address block (90022) is left out, Communication (90258) with the e-mail address is there (form-envelope.ts)",
  employerKind:
    'EmployerDeclarationLink is "Verboden" for a provincial or local authority declaring up to 2021/4 (then the PPL link): whether the employer is one is in the RSZ repertory',
} as const;
