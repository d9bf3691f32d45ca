/** The demo population as contract rows, table by table in id order. */
import { makeKbo } from "../../../src/domain/check-digits";
import { formatHundredths } from "../../../src/domain/decimal";
import type { ContractRow, ContractRows } from "../../../src/source/contract-writer";
import { rl16MessageRef } from "../circular-examples";
import type { PopulationBuilder } from "./builder";

export function toRows(builder: PopulationBuilder): ContractRows {
  const byId = <T extends { id: number }>(items: readonly T[]) => [...items].sort((a, b) => a.id - b.id);
  return {
    school_board: builder.boards.map((board): ContractRow => ({
      id: board.id,
      name: board.name,
      agency: board.agency,
      noss_number: board.nossNumber,
      kbo_number: board.kboNumber,
      // The board's own external prevention service (ZIMA001 block 90564, D24 OQ11): a KBO number of its own.
      prevention_service_kbo: makeKbo(`08${String(board.id).padStart(6, "0")}`),
      prevention_service_name: `Externe dienst voor preventie en bescherming ${board.name}`.slice(0, 96),
    })),
    institution: builder.institutions.map((institution): ContractRow => ({
      id: institution.id,
      board_id: institution.board.id,
      name: institution.name,
      level: institution.level,
      // The KBO establishment unit (ZIMA001 zone 00042): a first digit 2, as the official XSD takes.
      establishment_unit: makeKbo(`2${String(institution.id).padStart(7, "0")}`),
    })),
    staff_member: byId(builder.persons).map((person): ContractRow => ({
      id: person.id,
      insz: person.insz,
      last_name: person.lastName,
      first_name: person.firstName,
      birth_date: person.birthDate,
      gender: person.gender,
      street: person.street,
      house_number: person.houseNumber,
      box: person.box,
      postal_code: person.postalCode,
      municipality: person.municipality,
      country_code: person.countryCode,
      nationality: person.nationality,
    })),
    assignment: byId(builder.assignments).map((assignment): ContractRow => ({
      id: assignment.id,
      staff_id: assignment.staffId,
      institution_id: assignment.institution.id,
      start_date: assignment.start,
      end_date: assignment.end,
      hours_numerator: String(assignment.numerator),
      hours_denominator: String(assignment.denominator),
      days_per_week: assignment.daysPerWeek,
      job_title: assignment.jobTitle,
      status: assignment.status,
      joint_committee: null,
      employer_category: null,
      worker_code: null,
      monthly_salary: formatHundredths(assignment.monthlyCents),
    })),
    salary_line: byId(builder.lines).map((line): ContractRow => ({
      id: line.id,
      staff_id: line.staffId,
      assignment_id: line.assignmentId,
      period_month: line.month,
      gross_amount: formatHundredths(line.cents),
      wage_code: "01",
      paid_on: line.paidOn,
    })),
    rl16_notification: byId(builder.notifications).map((notification): ContractRow => ({
      id: notification.id,
      staff_id: notification.staffId,
      board_id: notification.boardId,
      message_ref: rl16MessageRef(notification.id, notification.validFrom),
      received_at: notification.receivedAt,
      valid_from: notification.validFrom,
      withdrawn_from: notification.withdrawnFrom,
      maintenance_of_rights: notification.maintenanceOfRights,
      fulltime_request: notification.fulltimeRequest,
    })),
  };
}
