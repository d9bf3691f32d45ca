/**
 * Small builders of the batch channel's answers for the tests: ACRF file receipts and NOTIFICATION
 * files in the shape of the official XSDs (schemas/official/ACRF_20231.xsd, NOTIFICATION_20223.xsd),
 * elements in schema order. A notification can be derived from a form of a written FI file
 * ({@link notificationFor}), so that it echoes the form the way the channel does.
 */
import { at, PERSON, type XmlNode } from "./batch-files";

/** When the channel made the answer (zones 00218 / 00299). */
export interface AnswerStamp {
  readonly date: string;
  readonly hour: string;
}

export const ANSWER_STAMP: AnswerStamp = { date: "2017-10-02", hour: "08:15:00.000" };

export interface ReceiptSpec {
  /** The GO or FI name of the batch file answered. */
  readonly answeredFileName: string;
  readonly resultCode: 0 | 1;
  readonly referenceNbr?: string;
  readonly errorIds?: readonly string[];
}

export interface AnomalySpec {
  readonly errorId: string;
  readonly tagName?: string;
  readonly value?: string;
  readonly anomalyClass: "B" | "W";
  /** AnomalyLocation/Location, e.g. `1,1,8,4,13`. */
  readonly location?: string;
  /** Path zones in schema order (NOSSRegistrationNbr, Trusteeship, CompanyID, NaturalPersonSequenceNbr, INSS, EmployerClass, WorkerCode, …). */
  readonly path?: Readonly<Record<string, string>>;
}

export interface NotificationSpec {
  readonly answeredFileName: string;
  readonly handledForm: {
    readonly identification: string;
    readonly creationDate: string;
    readonly creationHour: string;
    readonly attestationStatus: number;
    readonly typeForm: string;
  };
  readonly employer: { readonly nossNumber: string; readonly kboNumber: string };
  /** HandledReference/ReferenceNbr (origin 2): the form's ticket; omitted when null. */
  readonly ticket: string | null;
  readonly worker: { readonly sequenceNbr: number; readonly inss: string; readonly employerClass: string; readonly workerCode: string };
  readonly resultCode: 0 | 1;
  readonly anomalies?: readonly AnomalySpec[];
}

/** `FO.<ACRF|NOTI>.999999.<YYYYMMDD>.<seq5>.<env>`: 999999 is the channel (Smals) as sender. */
export function answerFileName(kind: "ACRF" | "NOTI", date: string, sequence: number, environment: "T" | "R" = "T"): string {
  return `FO.${kind}.999999.${date}.${String(sequence).padStart(5, "0")}.${environment}`;
}

function escape(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function element(name: string, content: string | number): string {
  return `<${name}>${typeof content === "number" ? String(content) : escape(content)}</${name}>`;
}

function block(name: string, children: readonly string[]): string {
  return `<${name}>${children.join("")}</${name}>`;
}

function formHeader(identification: string, typeForm: string, stamp: AnswerStamp): string[] {
  return [
    element("Identification", identification),
    element("FormCreationDate", stamp.date),
    element("FormCreationHour", stamp.hour),
    element("AttestationStatus", 0),
    element("TypeForm", typeForm),
  ];
}

function document(root: string, forms: readonly string[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<${root} xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n${forms.map((f) => `  ${f}\n`).join("")}</${root}>\n`;
}

/** An ACRF document with one Form per receipt. */
export function acrfXml(receipts: readonly ReceiptSpec[], stamp: AnswerStamp = ANSWER_STAMP): string {
  return document(
    "ACRF",
    receipts.map((receipt) =>
      block("Form", [
        ...formHeader("ACRF001", "PA", stamp),
        block("FileReference", [
          element("FileName", receipt.answeredFileName),
          element("ReferenceOrigin", 2),
          ...(receipt.referenceNbr !== undefined ? [element("ReferenceNbr", receipt.referenceNbr)] : []),
        ]),
        block("ReceptionResult", [
          element("ResultCode", receipt.resultCode),
          ...(receipt.errorIds ?? []).map((id) => element("ErrorID", id)),
        ]),
      ]),
    ),
  );
}

function anomalyReport(anomaly: AnomalySpec): string {
  return block("AnomalyReport", [
    element("ErrorID", anomaly.errorId),
    ...(anomaly.tagName !== undefined ? [element("TagName", anomaly.tagName)] : []),
    ...(anomaly.value !== undefined ? [element("Value", anomaly.value)] : []),
    element("AnomalyClass", anomaly.anomalyClass),
    ...(anomaly.location !== undefined ? [block("AnomalyLocation", [element("Location", anomaly.location)])] : []),
    ...(anomaly.path !== undefined
      ? [
          block(
            "Path",
            Object.entries(anomaly.path).map(([name, value]) => element(name, value)),
          ),
        ]
      : []),
  ]);
}

/** A NOTIFICATION document with one Form per notification. */
export function notificationXml(notifications: readonly NotificationSpec[], stamp: AnswerStamp = ANSWER_STAMP): string {
  return document(
    "NOTIFICATION",
    notifications.map((n) =>
      block("Form", [
        ...formHeader("NOTI001", "FA", stamp),
        block("FileReference", [element("FileName", n.answeredFileName), element("ReferenceOrigin", 2)]),
        block("HandledOriginalForm", [
          element("Identification", n.handledForm.identification),
          element("FormCreationDate", n.handledForm.creationDate),
          element("FormCreationHour", n.handledForm.creationHour),
          element("AttestationStatus", n.handledForm.attestationStatus),
          element("TypeForm", n.handledForm.typeForm),
        ]),
        block("EmployerId", [element("NOSSRegistrationNbr", n.employer.nossNumber), element("CompanyID", n.employer.kboNumber)]),
        block("HandledReference", [
          element("ReferenceType", 1),
          element("ReferenceOrigin", 2),
          ...(n.ticket !== null ? [element("ReferenceNbr", n.ticket)] : []),
        ]),
        block("WorkerRecordIdentification", [
          element("NOSSRegistrationNbr", n.employer.nossNumber),
          element("CompanyID", n.employer.kboNumber),
          element("NaturalPersonSequenceNbr", n.worker.sequenceNbr),
          element("INSS", n.worker.inss),
          element("EmployerClass", n.worker.employerClass),
          element("WorkerCode", n.worker.workerCode),
        ]),
        block("HandlingResult", [element("ResultCode", n.resultCode), ...(n.anomalies ?? []).map(anomalyReport)]),
      ]),
    ),
  );
}

function required(form: XmlNode, path: string): string {
  const value = at(form, path);
  if (value === undefined) throw new Error(`the form has no ${path}`);
  return value;
}

/**
 * The notification of one form of a written FI file, echoing it as the channel does: accepted with
 * `ticket` unless `outcome` says otherwise. `answeredFileName` is the GO (or FI) name of its file.
 */
export function notificationFor(
  form: XmlNode,
  answeredFileName: string,
  outcome: {
    readonly ticket: string | null;
    readonly resultCode?: 0 | 1;
    readonly anomalies?: readonly AnomalySpec[];
    readonly attestationStatus?: number;
    readonly inss?: string;
  },
): NotificationSpec {
  return {
    answeredFileName,
    handledForm: {
      identification: required(form, "Identification"),
      creationDate: required(form, "FormCreationDate"),
      creationHour: required(form, "FormCreationHour"),
      attestationStatus: outcome.attestationStatus ?? Number(required(form, "AttestationStatus")),
      typeForm: required(form, "TypeForm"),
    },
    employer: {
      nossNumber: required(form, "EmployerDeclarationLink.NOSSRegistrationNbr"),
      kboNumber: required(form, "EmployerDeclarationLink.CompanyID"),
    },
    ticket: outcome.ticket,
    worker: {
      sequenceNbr: Number(required(form, `${PERSON}.NaturalPersonSequenceNbr`)),
      inss: outcome.inss ?? required(form, `${PERSON}.INSS`),
      employerClass: required(form, `${PERSON}.WorkerRecordLink.EmployerClass`),
      workerCode: required(form, `${PERSON}.WorkerRecordLink.WorkerCode`),
    },
    resultCode: outcome.resultCode ?? 1,
    anomalies: outcome.anomalies,
  };
}

/** The Path of an anomaly on a form's worker record, as the channel writes it. */
export function workerPath(spec: NotificationSpec): Record<string, string> {
  return {
    NOSSRegistrationNbr: spec.employer.nossNumber,
    Trusteeship: "0",
    CompanyID: spec.employer.kboNumber,
    NaturalPersonSequenceNbr: String(spec.worker.sequenceNbr),
    INSS: spec.worker.inss,
    EmployerClass: spec.worker.employerClass,
    WorkerCode: spec.worker.workerCode,
  };
}
