/**
 * The part every form shares, in glossary (= XSD) order: block 90059 Form, for the benefits sector
 * 90257 CoordinatesContactPerson, 90171 DclInformation, 90064 RiskIdentification, 90082 Reference,
 * 90067 EmployerDeclarationLink, 90017 NaturalPerson (for ZIMA005 with 90106 HolidayYear). One function
 * for every form type, parametrised by the form type: the unemployment forms (WECH) are written
 * exactly as before, the benefits forms (ZIMA, official XSDs schemas/official/ZIMA00n_20231) add the
 * contact person and carry their risk code (ZIMA002/005: the sub-risk). Form objects are plain ordered objects: keys in
 * insertion order are the element order, an array is a repeated element; src/files turns them into XML.
 */
import type { ContactPersonDefaults, FormDefaults } from "../../mappings/form-defaults";
import type { CalendarDate } from "../domain/calendar-date";
import { batchPurposeOf, cadenceOf, type FormType } from "../rules/decision-types";

/** A repeated element is an array of nodes (NatureOfDay, OccupationLink ...). */
export type FormNode = { [label: string]: string | number | FormNode | FormNode[] };

/** The ministry as employer (D1): one identity on every form, never the school board's. */
export interface EmployerIdentity {
  /** RSZ/NOSS registration number, zone 00011. */
  readonly nossNumber: string;
  /** KBO enterprise number (10 digits), zone 00014. */
  readonly kboNumber: string;
  /** 6-digit batch sender number (file names). */
  readonly senderNumber: string;
}

/** When the form was made: zones 00218 (YYYY-MM-DD) and 00299 (HH:MM:SS.sss), Brussels time. */
export interface FormStamp {
  readonly creationDate: CalendarDate;
  readonly creationHour: string;
}

/** What a correction carries in its Reference block (domain.md rules 43-45). */
export interface Correction {
  readonly attestationStatus: 1 | 3;
  readonly ticket: string;
}

/** What every form builder gets besides its declaration. */
export interface FormContext {
  readonly stamp: FormStamp;
  readonly employer: EmployerIdentity;
  readonly defaults: FormDefaults;
  /** NaturalPersonSequenceNbr, zone 00023: unique within the file. */
  readonly sequenceNbr: number;
  /** A modification (1) of an accepted form, with its ticket; absent for an original. */
  readonly correction?: Correction;
}

export interface EnvelopeInput {
  readonly identification: FormType;
  readonly stamp: FormStamp;
  readonly defaults: FormDefaults;
  readonly employer: EmployerIdentity;
  /** NaturalPersonSequenceNbr, zone 00023: unique within the file. */
  readonly sequenceNbr: number;
  readonly insz: string;
  /** The WorkerRecordLink block (90063) of the form, or several (ZIMA003: one per pair 00036/00037); absent (forbidden) in a cancellation. */
  readonly workerRecordLink: FormNode | FormNode[] | null;
  /** A modification (1) of an accepted form with its ticket, as the builder's context carries it. */
  readonly correction?: Correction;
  /** 0 original, 1 modification, 3 cancellation (zone 00110); the correction's when absent, else 0. */
  readonly attestationStatus?: 0 | 1 | 3;
  /** For a modification or cancellation: the ticket of the accepted form it corrects (Reference type 3, origin 2); the correction's when absent. */
  readonly referenceTicket?: string;
  /** Zone 00430 IdentificationOfRisk, overriding `defaults.riskCode`: the ZIMA forms' sub-risk ("001".."004", {@link riskCodeOf}). */
  readonly riskCode?: string;
  /** ZIMA005 only, and indispensable there: zone 00125 HolidaysYear (block 90106), the year the holiday is about. */
  readonly holidayYear?: number;
  /** Blocks that close the NaturalPerson after its worker records (ZIMA006: WorkRecovery, 90016; ZIMA001: WorkerRecord, ServiceData). */
  readonly personBlocks?: FormNode;
  /** ZIMA001's blocks between the references and the employer: RiskDetail (90252), WorkRecovery (90016), PreventionService (90564). */
  readonly riskBlocks?: FormNode;
  /** ZIMA001: the employer part is a mini-DmfA EmployerDeclaration (90007) of this quarter (zone 00013), not an EmployerDeclarationLink. */
  readonly quarter?: string;
}

/** Zone 00430 of a benefits-sector form: the sub-risk, zero-padded to three digits (1 → "001"). */
export function riskCodeOf(subRisk: number): string {
  return String(subRisk).padStart(3, "0");
}

/** Block 90257 with its Communication block 90258 (Address 90022 is not used: Communication is there). */
function contactPersonNode(contact: ContactPersonDefaults): FormNode {
  const node: FormNode = {};
  if (contact.name !== null) node.Name = contact.name;
  if (contact.firstName !== null) node.FirstName = contact.firstName;
  const communication: FormNode = {};
  if (contact.phone !== null) communication.PhoneNbr = contact.phone;
  communication.EmailAddress = contact.email;
  node.Communication = communication;
  return node;
}

/** A form around its worker record: an original, or a modification / cancellation with its ticket reference. */
export function originalForm(input: EnvelopeInput): FormNode {
  const benefits = batchPurposeOf(input.identification) === "ZIMA";
  const form: FormNode = {
    Identification: input.identification,
    FormCreationDate: input.stamp.creationDate,
    FormCreationHour: input.stamp.creationHour,
    AttestationStatus: input.attestationStatus ?? input.correction?.attestationStatus ?? 0,
    TypeForm: input.defaults.typeForm,
  };
  // Block 90257: indispensable in the benefits sector, not written on the unemployment forms.
  if (benefits) form.CoordinatesContactPerson = contactPersonNode(input.defaults.contactPerson);
  form.DclInformation = { LanguageCodePdf: input.defaults.languageCodePdf };
  form.RiskIdentification = { IdentificationOfRisk: input.riskCode ?? input.defaults.riskCode };
  const referenceTicket = input.referenceTicket ?? input.correction?.ticket;
  if (referenceTicket !== undefined) form.Reference = { ReferenceType: 3, ReferenceOrigin: 2, ReferenceNbr: referenceTicket };
  // The ZIMA XSDs forbid every person zone but these two (maxOccurs 0); the WECH forms carry the same two.
  const person: FormNode = { NaturalPersonSequenceNbr: input.sequenceNbr, INSS: input.insz };
  // A yearly form names its year (ZIMA005: block 90106, zone 00125), a cancellation too.
  if (cadenceOf(input.identification) === "yearly") {
    if (input.holidayYear === undefined) throw new Error(`a ${input.identification} form needs its holiday year (zone 00125)`);
    person.HolidayYear = { HolidaysYear: input.holidayYear };
  }
  if (input.workerRecordLink !== null) person.WorkerRecordLink = input.workerRecordLink;
  Object.assign(person, input.personBlocks ?? {});
  Object.assign(form, input.riskBlocks ?? {});
  const employer: FormNode = {
    NOSSRegistrationNbr: input.employer.nossNumber,
    Trusteeship: input.defaults.trusteeship,
    CompanyID: input.employer.kboNumber,
    NaturalPerson: person,
  };
  if (input.quarter === undefined) form.EmployerDeclarationLink = employer;
  else form.EmployerDeclaration = { Quarter: input.quarter, ...employer };
  return form;
}
