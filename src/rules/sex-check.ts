/**
 * D21: forms that need a woman (ZIMA002 risk 002, ZIMA003, ZIMA001 risks 002-004) or a man (ZIMA001 risk
 * 005). The sex comes from the INSZ; for a BIS number given without sex (+20) from staff_member.gender,
 * with a note. A mismatch, or a gender that contradicts the INSZ, rejects the form SEX_DOES_NOT_FIT_RISK.
 */
import { type Sex, SEX_WORDS, sexOfInsz } from "../domain/insz-sex";
import type { StaffRecord } from "../domain/ministry-records";
import type { RecordProblem } from "../domain/outcome-codes";

export interface SexCheck {
  /** The problem that rejects the form, or null. */
  readonly problem: RecordProblem | null;
  /** Set when the sex came from staff_member.gender (a BIS number given without sex). */
  readonly note: string | null;
}

function problem(staff: StaffRecord, field: string, value: string): RecordProblem {
  return { table: "staff_member", recordId: String(staff.id), field, rule: "SEX_DOES_NOT_FIT_RISK", value };
}

/** `risk` names the form and risk in the messages ("ZIMA002 risk 002"). */
export function checkSex(staff: StaffRecord, need: Sex, risk: string): SexCheck {
  const fromInsz = sexOfInsz(staff.insz);
  if (fromInsz === null) return { problem: null, note: null }; // an unreadable INSZ rejects the person elsewhere
  if (fromInsz === "unknown") {
    if (staff.genderProblem) return { problem: staff.genderProblem, note: null };
    const note = `sex taken from staff_member.gender (${staff.gender}): the BIS number was given without sex (+20)`;
    if (staff.gender !== need)
      return {
        problem: problem(staff, "gender", `${staff.gender ?? "NULL"} on a BIS number without sex; ${risk} needs ${SEX_WORDS[need].en}`),
        note,
      };
    return { problem: null, note };
  }
  if ((staff.gender === "M" || staff.gender === "F") && staff.gender !== fromInsz) {
    return { problem: problem(staff, "gender", `${staff.gender}, while the INSZ is of ${SEX_WORDS[fromInsz].en}`), note: null };
  }
  if (fromInsz !== need)
    return { problem: problem(staff, "insz", `the INSZ is of ${SEX_WORDS[fromInsz].en}; ${risk} needs ${SEX_WORDS[need].en}`), note: null };
  return { problem: null, note: null };
}
