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
  /** The WorkerRecordLink block (90063) of the form. */
  readonly workerRecordLink: FormNode;
}

/** An original (AttestationStatus 0) form around its worker record. */
export function originalForm(input: EnvelopeInput): FormNode {
  return {
    Identification: input.identification,
    FormCreationDate: input.stamp.creationDate,
    FormCreationHour: input.stamp.creationHour,
    AttestationStatus: 0,
    TypeForm: input.defaults.typeForm,
    DclInformation: { LanguageCodePdf: input.defaults.languageCodePdf },
    RiskIdentification: { IdentificationOfRisk: input.defaults.riskCode },
    EmployerDeclarationLink: {
      NOSSRegistrationNbr: input.employer.nossNumber,
      Trusteeship: input.defaults.trusteeship,
      CompanyID: input.employer.kboNumber,
      NaturalPerson: {
        NaturalPersonSequenceNbr: input.sequenceNbr,
        INSS: input.insz,
        WorkerRecordLink: input.workerRecordLink,
      },
    },
  };
}
