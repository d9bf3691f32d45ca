/**
 * The part every unemployment-sector form shares (glossary 2023/3, blocks 90059 Form, 90171, 90064,
 * 90067 EmployerDeclarationLink, 90017 NaturalPerson), in glossary order. Form objects are plain
 * ordered objects: keys in insertion order are the element order; src/files turns them into XML.
 */
import type { FormDefaults } from "../../mappings/form-defaults";
import type { CalendarDate } from "../domain/calendar-date";

export type FormNode = { [label: string]: string | number | FormNode };

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

export interface EnvelopeInput {
  readonly identification: "WECH003" | "WECH006";
  readonly stamp: FormStamp;
  readonly defaults: FormDefaults;
  readonly employer: EmployerIdentity;
  /** NaturalPersonSequenceNbr, zone 00023: unique within the file. */
  readonly sequenceNbr: number;
  readonly insz: string;
  /** The WorkerRecordLink block (90063) of the form; absent (forbidden) in a cancellation. */
  readonly workerRecordLink: FormNode | null;
  /** 0 original, 1 modification, 3 cancellation (zone 00110). */
  readonly attestationStatus?: 0 | 1 | 3;
  /** For a modification or cancellation: the ticket of the accepted form it corrects (Reference type 3, origin 2). */
  readonly referenceTicket?: string;
}

/** What a correction carries in its Reference block (domain.md rules 43-45). */
export interface Correction {
  readonly attestationStatus: 1 | 3;
  readonly ticket: string;
}

/** A form around its worker record: an original, or a modification / cancellation with its ticket reference. */
export function originalForm(input: EnvelopeInput): FormNode {
  const form: FormNode = {
    Identification: input.identification,
    FormCreationDate: input.stamp.creationDate,
    FormCreationHour: input.stamp.creationHour,
    AttestationStatus: input.attestationStatus ?? 0,
    TypeForm: input.defaults.typeForm,
    DclInformation: { LanguageCodePdf: input.defaults.languageCodePdf },
    RiskIdentification: { IdentificationOfRisk: input.defaults.riskCode },
  };
  if (input.referenceTicket !== undefined) form.Reference = { ReferenceType: 3, ReferenceOrigin: 2, ReferenceNbr: input.referenceTicket };
  const person: FormNode = { NaturalPersonSequenceNbr: input.sequenceNbr, INSS: input.insz };
  if (input.workerRecordLink !== null) person.WorkerRecordLink = input.workerRecordLink;
  form.EmployerDeclarationLink = {
    NOSSRegistrationNbr: input.employer.nossNumber,
    Trusteeship: input.defaults.trusteeship,
    CompanyID: input.employer.kboNumber,
    NaturalPerson: person,
  };
  return form;
}
