/**
 * The answer matcher on plain values, answer by answer: what a file receipt (ACRF) and a notification
 * (NOTI) mean for the batch file and the form they answer — applied with its change, or kept unmatched
 * or pending with why — without a database. The CLI path on every engine is test/integration/ingest*.
 */
import { expect } from "chai";
import {
  type AnswerFacts,
  anomalyClass,
  answeredName,
  type MatchContext,
  matchNotification,
  matchReceipt,
  namedFile,
  type NotificationFacts,
  notificationFacts,
  notificationOutcome,
} from "../../../src/channel/answer-matcher";
import type { FormNotification } from "../../../src/channel/answer-parser";
import { inszHash } from "../../../src/domain/insz-hash";
import type { AnsweredDeclaration, AnsweredFile } from "../../../src/state/declaration-repository";

const FI = "FI.WECH.900123.20261124.00001.T";
const GO = "GO.WECH.900123.20261124.00001.T";
const INSS = "85073100174";
const OTHER_INSS = "80111405125";
const ANSWERED_AT = "2026-11-25T09:00:00.000+01:00";
const CONTEXT: MatchContext = { environment: "T", answeredAt: ANSWERED_AT, ticketLength: 20 };

const file = (status = "written", receiptReference: string | null = null): AnsweredFile => ({
  id: 7,
  fileName: FI,
  goFileName: GO,
  status,
  receiptReference,
});

function declaration(values: Partial<AnsweredDeclaration> = {}): AnsweredDeclaration {
  return {
    id: 11,
    fileId: 7,
    formType: "WECH006",
    sequenceNbr: 1,
    attestationStatus: 0,
    createdAt: "2026-11-24T10:00:00.000+01:00",
    inszHash: inszHash(INSS),
    replacesId: null,
    status: "file-received",
    answeredAt: null,
    ticket: null,
    ...values,
  };
}

/** The facts of one file and its declarations, as the recording reads them. */
function facts(batchFile: AnsweredFile | null, ...declarations: AnsweredDeclaration[]): AnswerFacts {
  return {
    file: (baseName) => (batchFile !== null && (baseName === batchFile.fileName || baseName === batchFile.goFileName) ? batchFile : null),
    declarationAt: (fileId, sequenceNbr) => declarations.find((d) => d.fileId === fileId && d.sequenceNbr === sequenceNbr),
    declarationWithId: (id) => declarations.find((d) => d.id === id),
  };
}

function notification(values: Partial<NotificationFacts> = {}): NotificationFacts {
  return {
    answeredFileName: GO,
    sequenceNbr: 1,
    inszHash: inszHash(INSS),
    maskedInss: "********174",
    handledForm: {
      identification: "WECH006",
      creationDate: "2026-11-24",
      creationHour: "10:00:00.000",
      attestationStatus: 0,
      typeForm: "SU",
    },
    resultCode: 1,
    ticket: "340000TICKT01",
    anomalyCount: 0,
    ...values,
  };
}

const receipt = (resultCode: number, answeredFileName = GO, referenceNbr: string | null = "340000RECPT01") => ({
  answeredFileName,
  resultCode,
  referenceNbr,
});

describe("the answer matcher", () => {
  describe("the batch file an answer names", () => {
    it("takes our FI or GO name, with or without a part suffix, of the environment being ingested", () => {
      expect(answeredName(` ${GO}.1 `, "T")).to.deep.equal({
        named: {
          name: `${GO}.1`,
          baseName: GO,
          identity: { kind: "GO", purpose: "WECH", sender: "900123", creationDate: "20261124", sequence: 1, environment: "T" },
        },
      });
      expect(answeredName(`${FI}.1.2`, "T")).to.have.nested.property("named.baseName", FI);
    });

    it("says why a name is none of ours", () => {
      const reason = (name: string | null, environment: "T" | "R" = "T") => {
        const answered = answeredName(name, environment);
        return "notApplied" in answered ? answered.notApplied.reason : null;
      };
      expect(reason(null)).to.equal("the answer names no batch file (no FileReference/FileName)");
      expect(reason("  ")).to.equal("the answer names no batch file (no FileReference/FileName)");
      expect(reason("GO.DMPI.012996.20090718.50002.R.1")).to.equal(
        'answers "GO.DMPI.012996.20090718.50002.R.1", which is not a batch file name of this adapter',
      );
      expect(reason(GO, "R")).to.equal(`answers ${GO}, a file of environment T, while ingesting environment R`);
    });

    it("is the file with the name's identity only when its FI or GO name is the one answered", () => {
      const answered = answeredName(GO, "T");
      if (!("named" in answered)) throw new Error("named");
      expect(namedFile(answered.named, file())).to.deep.equal(file());
      expect(namedFile(answered.named, { ...file(), goFileName: "GO.WECH.900123.20261124.00002.T" })).to.equal(null);
      expect(namedFile(answered.named, null)).to.equal(null);
    });
  });

  describe("a file receipt (ACRF)", () => {
    it("receives the file (with the receipt's reference) and every declaration in it, which wait for their notifications", () => {
      const match = matchReceipt(
        receipt(1),
        facts(file()),
        [declaration({ status: "written" }), declaration({ id: 12, sequenceNbr: 2, status: "written" })],
        CONTEXT,
      );
      expect(match).to.deep.equal({
        status: "matched",
        outcome: "received",
        fileId: 7,
        declarationId: null,
        replaced: null,
        change: { fileId: 7, status: "received", receiptReference: "340000RECPT01", declarations: { status: "file-received" } },
      });
    });

    it("rejects the file and its declarations, answered now; the file keeps the reference it had", () => {
      const match = matchReceipt(receipt(0, `${FI}.1`), facts(file("written", "KEPT")), [declaration({ status: "written" })], CONTEXT);
      expect(match).to.deep.include({ status: "matched", outcome: "rejected" });
      expect(match).to.have.deep.property("change", {
        fileId: 7,
        status: "rejected",
        receiptReference: "KEPT",
        declarations: { status: "file-rejected", answeredAt: ANSWERED_AT },
      });
    });

    it("keeps the file's reference when the receipt gives none, and changes no declaration of a file without any", () => {
      const match = matchReceipt(receipt(1, GO, null), facts(file("written", "KEPT")), [], CONTEXT);
      expect(match).to.have.deep.property("change", { fileId: 7, status: "received", receiptReference: "KEPT", declarations: null });
    });

    it("is unmatched, with why, when it names no file of ours or a result code it does not know", () => {
      expect(matchReceipt(receipt(1, "GO.WECH.900123.20261124.00042.T"), facts(file()), [], CONTEXT)).to.deep.equal({
        status: "unmatched",
        reason: "answers GO.WECH.900123.20261124.00042.T: no such batch file in environment T",
        illegalTransition: false,
        fileId: null,
        candidateDeclarationId: null,
      });
      expect(matchReceipt(receipt(2), facts(file()), [], CONTEXT)).to.deep.include({
        status: "unmatched",
        reason: "file receipt with result code 2 (only 1 OK and 0 not OK are known)",
        fileId: 7,
      });
    });

    it("changes nothing when the file or one of its declarations cannot make the transition, and names both states", () => {
      expect(matchReceipt(receipt(0), facts(file("received")), [declaration()], CONTEXT)).to.deep.equal({
        status: "unmatched",
        reason: `batch file ${FI}: cannot go from "received" to "rejected"`,
        illegalTransition: true,
        fileId: 7,
        candidateDeclarationId: null,
      });
      expect(
        matchReceipt(
          receipt(1),
          facts(file()),
          [declaration({ status: "written" }), declaration({ id: 12, sequenceNbr: 2, status: "abandoned" })],
          CONTEXT,
        ),
      ).to.deep.include({
        status: "unmatched",
        reason: `declaration 12 (WECH006 form 2 of ${FI}): cannot go from "abandoned" to "file-received"`,
        illegalTransition: true,
      });
    });
  });

  describe("a notification (NOTI)", () => {
    it("accepts its form with the ticket, answered now", () => {
      expect(matchNotification(notification(), facts(file("received"), declaration()), CONTEXT)).to.deep.equal({
        status: "matched",
        outcome: "accepted",
        fileId: 7,
        declarationId: 11,
        replaced: null,
        change: [{ id: 11, status: "accepted", answeredAt: ANSWERED_AT, ticket: "340000TICKT01" }],
      });
    });

    it("accepts with warnings when anomalies are reported; refuses on result code 0, the form keeping the ticket it had", () => {
      expect(matchNotification(notification({ anomalyCount: 2 }), facts(file("received"), declaration()), CONTEXT)).to.deep.include({
        outcome: "accepted-with-warnings",
      });
      expect(
        matchNotification(notification({ resultCode: 0 }), facts(file("received"), declaration({ ticket: "OLD" })), CONTEXT),
      ).to.deep.include({
        outcome: "refused",
        change: [{ id: 11, status: "refused", answeredAt: ANSWERED_AT, ticket: "OLD" }],
      });
      expect([0, 1, 2, 3, 4].map((resultCode) => notificationOutcome({ resultCode, anomalyCount: 0 }))).to.deep.equal([
        "refused",
        "accepted",
        null,
        null,
        null,
      ]);
    });

    it("waits (pending) for its file's receipt when its form and file are only written", () => {
      expect(matchNotification(notification(), facts(file("written"), declaration({ status: "written" })), CONTEXT)).to.deep.equal({
        status: "pending",
        reason: `declaration 11 (WECH006 form 1 of ${FI}): waiting for the file receipt (ACRF) of ${GO}`,
        illegalTransition: false,
        fileId: 7,
        candidateDeclarationId: 11,
      });
    });

    it("is unmatched when it names no form of the file", () => {
      expect(matchNotification(notification({ sequenceNbr: null }), facts(file("received"), declaration()), CONTEXT)).to.deep.include({
        reason: `answers ${FI} without a NaturalPersonSequenceNbr`,
        fileId: 7,
        candidateDeclarationId: null,
      });
      expect(matchNotification(notification({ sequenceNbr: 9 }), facts(file("received"), declaration()), CONTEXT)).to.deep.include({
        reason: `${FI} has no form 9`,
        fileId: 7,
      });
      expect(matchNotification(notification({ answeredFileName: null }), facts(file("received"), declaration()), CONTEXT)).to.deep.include({
        reason: "the answer names no batch file (no FileReference/FileName)",
        fileId: null,
      });
    });

    it("is unmatched when its worker or the echo of its form is not the declaration's, the INSS masked in the reason", () => {
      const reason = (values: Partial<NotificationFacts>, of: Partial<AnsweredDeclaration> = {}) => {
        const match = matchNotification(notification(values), facts(file("received"), declaration(of)), CONTEXT);
        expect(match).to.deep.include({ status: "unmatched", illegalTransition: false, fileId: 7, candidateDeclarationId: 11 });
        return match.status === "matched" ? null : match.reason.replace(`declaration 11 (WECH006 form 1 of ${FI}): `, "");
      };
      const handled = notification().handledForm!;
      expect(reason({ inszHash: null, maskedInss: null })).to.equal("the notification gives no INSS to check the worker");
      expect(reason({ inszHash: inszHash(OTHER_INSS), maskedInss: OTHER_INSS })).to.equal(
        "the notification's INSS ********125 is not the declared person's",
      );
      expect(reason({ handledForm: null })).to.equal(
        "the notification does not say which form it handled (no HandledOriginalForm/Identification)",
      );
      expect(reason({ handledForm: { ...handled, identification: "WECH003" } })).to.equal(
        "the notification handled a WECH003 form, the declaration is a WECH006",
      );
      expect(reason({ handledForm: { ...handled, creationDate: "2026-11-23" } })).to.equal(
        "the handled form was created on 2026-11-23, the declaration on 2026-11-24",
      );
      expect(reason({ handledForm: { ...handled, creationHour: "10:00:00.001" } })).to.equal(
        "the handled form was created at 10:00:00.001, the declaration at 10:00:00.000",
      );
      expect(reason({ handledForm: { ...handled, attestationStatus: 1 } })).to.equal(
        "the handled form has attestation status 1, the declaration 0",
      );
      expect(reason({ resultCode: 3 })).to.equal("result code 3 is not a final answer (only 1 OK and 0 NOK change a form)");
      expect(reason({ ticket: "T".repeat(21) })).to.equal(`the ticket "${"T".repeat(21)}" is longer than 20 characters`);
    });

    it("does not check the worker of a declaration recorded before the INSZ hash was kept, nor the echo's zones it leaves out", () => {
      const echo = { identification: "WECH006", creationDate: null, creationHour: null, attestationStatus: null, typeForm: null };
      const match = matchNotification(
        notification({ inszHash: inszHash(OTHER_INSS), handledForm: echo }),
        facts(file("received"), declaration({ inszHash: null })),
        CONTEXT,
      );
      expect(match).to.deep.include({ status: "matched", outcome: "accepted" });
    });

    it("retires what an accepted modification supersedes or an accepted cancellation cancels, keeping that one's answer and ticket", () => {
      const original = declaration({
        id: 5,
        sequenceNbr: 3,
        status: "accepted",
        answeredAt: "2026-10-25T09:00:00.000+01:00",
        ticket: "340000TICKT00",
      });
      const modification = declaration({ attestationStatus: 1, replacesId: 5 });
      const withModification = notification({ handledForm: { ...notification().handledForm!, attestationStatus: 1 } });
      expect(matchNotification(withModification, facts(file("received"), modification, original), CONTEXT)).to.deep.include({
        outcome: "accepted",
        replaced: { id: 5, status: "superseded" },
        change: [
          { id: 11, status: "accepted", answeredAt: ANSWERED_AT, ticket: "340000TICKT01" },
          { id: 5, status: "superseded", answeredAt: "2026-10-25T09:00:00.000+01:00", ticket: "340000TICKT00" },
        ],
      });
      const cancellation = declaration({ attestationStatus: 3, replacesId: 5 });
      const withCancellation = notification({ handledForm: { ...notification().handledForm!, attestationStatus: 3 } });
      expect(matchNotification(withCancellation, facts(file("received"), cancellation, original), CONTEXT)).to.deep.include({
        replaced: { id: 5, status: "cancelled" },
      });
      // A refused correction retires nothing.
      expect(
        matchNotification({ ...withModification, resultCode: 0 }, facts(file("received"), modification, original), CONTEXT),
      ).to.deep.include({ outcome: "refused", replaced: null });
    });

    it("changes nothing when the form or the one it replaces cannot make the transition, or that one does not exist", () => {
      const withModification = notification({ handledForm: { ...notification().handledForm!, attestationStatus: 1 } });
      const modification = declaration({ attestationStatus: 1, replacesId: 5 });
      expect(
        matchNotification(
          withModification,
          facts(file("received"), modification, declaration({ id: 5, sequenceNbr: 3, formType: "WECH003", status: "refused" })),
          CONTEXT,
        ),
      ).to.deep.equal({
        status: "unmatched",
        reason: 'declaration 5 (WECH003, replaced by declaration 11): cannot go from "refused" to "superseded"',
        illegalTransition: true,
        fileId: 7,
        candidateDeclarationId: 11,
      });
      expect(matchNotification(withModification, facts(file("received"), modification), CONTEXT)).to.deep.include({
        reason: `declaration 11 (WECH006 form 1 of ${FI}): it replaces declaration 5, which does not exist`,
        illegalTransition: false,
      });
      expect(matchNotification(notification(), facts(file("rejected"), declaration({ status: "file-rejected" })), CONTEXT)).to.deep.include(
        {
          reason: `declaration 11 (WECH006 form 1 of ${FI}): cannot go from "file-rejected" to "accepted"`,
          illegalTransition: true,
        },
      );
    });

    it("reads what it needs of a notification: the INSS only as its hash and masked", () => {
      const parsed: FormNotification = {
        kind: "NOTI",
        header: {
          identification: "NOTI001",
          creationDate: "2026-11-25",
          creationHour: "08:00:00.000",
          attestationStatus: 0,
          typeForm: "FA",
        },
        answeredFileName: GO,
        handledForm: notification().handledForm,
        handledReference: { referenceType: 1, referenceOrigin: 2, referenceNbr: "340000TICKT01" },
        ticket: "340000TICKT01",
        worker: { sequenceNbr: 1, inss: INSS, employerClass: "011", workerCode: "495" },
        resultCode: 1,
        anomalies: [{ errorId: "00044-278", tagName: null, value: null, anomalyClass: "W", location: null, path: null }],
      };
      expect(notificationFacts(parsed)).to.deep.equal({ ...notification(), anomalyCount: 1 });
      expect(notificationFacts({ ...parsed, worker: null })).to.deep.include({ sequenceNbr: null, inszHash: null, maskedInss: null });
    });

    it("keeps an anomaly's class as one character, ? when none is given", () => {
      expect([" W ", "Blocking", null, ""].map((given) => anomalyClass({ anomalyClass: given }))).to.deep.equal(["W", "B", "?", "?"]);
    });
  });
});
