/**
 * WECH003 (start of part-time work, glossary FBONEM1 / Zones_ONEM1 2023/3): the conditions of its
 * glossary that schemas/WECH003_20233.xsd cannot express. The project declares only for the education
 * sector (AGODI/AHOVOKS), so the glossary's exceptions "voor de onderwijssector" apply to every form.
 */
import type { FormNode } from "../../forms/form-envelope";
import { OCCUPATION_ROWS, envelopeRows, presenceRow, workerCodeAllowed } from "../../forms/glossary-conditions/common-conditions";
import {
  collect,
  creationDateOf,
  date,
  endOfNextMonth,
  has,
  hours,
  int,
  node,
  occupationLinks,
  quarterEndOf,
  text,
} from "../../forms/glossary-conditions/form-reading";
import type { GlossaryCondition } from "../../forms/glossary-conditions/types";

/** The WECH003 blocks of an occupation: the link, its DeclarationPartTimeWorkWithMaintenanceRights and TheoreticalSalary. */
function parts(link: FormNode): { link: FormNode; declaration: FormNode | null; salary: FormNode | null } {
  const declaration = node(link, "DeclarationPartTimeWorkWithMaintenanceRights");
  return { link, declaration, salary: node(declaration, "TheoreticalSalary") };
}

/** Runs a check on every occupation of the form with its WECH003 blocks. */
function eachOccupation(form: FormNode, check: (p: ReturnType<typeof parts>) => string | null): string | null {
  return collect(occupationLinks(form), (link) => check(parts(link)));
}

const startOf = (link: FormNode) => date(link, "OccupationStartingDate");

const Q_BELOW_S: GlossaryCondition = {
  zone: "00048",
  anomaly: "00048-008",
  condition:
    'Q < S: "Het gemiddeld aantal uren per week van de werknemer (=Q, zone 00048) moet kleiner zijn dan ... (=S, zone 00049). Deze voorwaarde is niet verplicht voor de onderwijssector voor tewerkstellingen die beginnen na 31/08/2018" (OccupationStartingDate after 2018-08-31)',
  check: (form) =>
    eachOccupation(form, ({ link }) => {
      const [q, s, start] = [int(link, "MeanWorkingHours"), int(link, "RefMeanWorkingHours"), startOf(link)];
      if (q === null || s === null || start === null || q < s || start > "2018-08-31") return null;
      return `MeanWorkingHours ${hours(q)} >= RefMeanWorkingHours ${hours(s)} for an occupation starting ${start} (not after 2018-08-31)`;
    }),
};

const START_IN_RANGE: GlossaryCondition = {
  zone: "00044",
  anomaly: "00044-008",
  condition:
    'OccupationStartingDate "mag niet gelegen zijn voor 2003 en kan maximaal één maand na het lopende kwartaal liggen" (the current quarter is the one of FormCreationDate)',
  check: (form) => {
    const created = creationDateOf(form);
    return eachOccupation(form, ({ link }) => {
      const start = startOf(link);
      if (start === null) return null;
      if (start < "2003-01-01") return `OccupationStartingDate ${start} is before 2003`;
      const latest = created === null ? null : endOfNextMonth(quarterEndOf(created));
      return latest !== null && start > latest
        ? `OccupationStartingDate ${start} is more than one month after the quarter of FormCreationDate ${created}`
        : null;
    });
  },
};

const END_ONLY_BEFORE_2016: GlossaryCondition = {
  zone: "00045",
  anomaly: "00045-005",
  condition:
    'OccupationEndingDate is "Verplicht indien de begindatum van de deeltijdse tewerkstelling voor 2016 ligt ...; VERBODEN in alle anderen gevallen": forbidden when OccupationStartingDate is 2016-01-01 or later',
  check: (form) =>
    eachOccupation(form, ({ link }) => {
      const start = startOf(link);
      return start !== null && start >= "2016-01-01" && has(link, "OccupationEndingDate")
        ? `OccupationEndingDate ${text(link, "OccupationEndingDate")} with OccupationStartingDate ${start}`
        : null;
    }),
};

const WORK_GRID_WORDS =
  '"VERPLICHT INDIEN de begindatum van de deeltijdse tewerkstelling vóór 2016 ligt. VERBODEN in alle andere gevallen"';

function workGridRow(anomaly: "90060-001" | "90060-005"): GlossaryCondition {
  const words = {
    required: `WorkGrid is ${WORK_GRID_WORDS}: present when OccupationStartingDate is before 2016`,
    forbidden: `WorkGrid is ${WORK_GRID_WORDS}: absent when it is 2016-01-01 or later`,
  };
  return presenceRow(anomaly, words, (required, form) =>
    eachOccupation(form, ({ link, declaration }) => {
      const start = startOf(link);
      if (start === null || declaration === null || start < "2016-01-01" !== required) return null;
      return has(declaration, "WorkGrid") === required
        ? null
        : `WorkGrid ${required ? "missing" : "present"} with OccupationStartingDate ${start}`;
    }),
  );
}

const LEGAL_BASIS_REQUIRED: GlossaryCondition = {
  zone: "00096",
  anomaly: "00096-001",
  condition: 'LegalBasis is "Verplicht indien de zone DBR in het kader van een bedrijfsplan de waarde 1 bevat" (00095 = 1)',
  check: (form) =>
    eachOccupation(form, ({ declaration }) =>
      int(declaration, "DBRIndicatorInEntrepriseCadreMap") === 1 && !has(declaration, "LegalBasis")
        ? "DBRIndicatorInEntrepriseCadreMap 1 without LegalBasis"
        : null,
    ),
};

const LEGAL_BASIS_FORBIDDEN: GlossaryCondition = {
  zone: "00096",
  anomaly: "00096-005",
  condition: "LegalBasis is written only when DBRIndicatorInEntrepriseCadreMap (00095) is 1 (domain.md D14)",
  check: (form) =>
    eachOccupation(form, ({ declaration }) => {
      const indicator = int(declaration, "DBRIndicatorInEntrepriseCadreMap");
      return indicator !== 1 && has(declaration, "LegalBasis")
        ? `LegalBasis ${text(declaration, "LegalBasis")} with DBRIndicatorInEntrepriseCadreMap ${indicator}`
        : null;
    }),
};

const FULL_TIME_REQUEST_REQUIRED: GlossaryCondition = {
  zone: "01229",
  anomaly: "01229-001",
  condition: 'FullTimeOccupationRequest is "Verplicht indien de begindatum van de deeltijdse arbeid na 31/03/2020 ligt"',
  check: (form) =>
    eachOccupation(form, ({ link, declaration }) => {
      const start = startOf(link);
      return start !== null && start > "2020-03-31" && !has(declaration, "FullTimeOccupationRequest")
        ? `no FullTimeOccupationRequest with OccupationStartingDate ${start}`
        : null;
    }),
};

export const FULL_TIME_REQUEST_NINE_ONLY_WITHOUT_COMMITTEE: GlossaryCondition = {
  zone: "01229",
  anomaly: "01229-008",
  condition: 'FullTimeOccupationRequest 9 "niet van toepassing (enkel als het nummer van paritair comité gelijk aan 999 is)"',
  check: (form) =>
    eachOccupation(form, ({ link, declaration }) => {
      const committee = text(link, "JointCommissionNbr");
      return int(declaration, "FullTimeOccupationRequest") === 9 && committee !== "999"
        ? `FullTimeOccupationRequest 9 with JointCommissionNbr ${committee}`
        : null;
    }),
};

/** 00098 / 00099: "Verplicht indien de zone 00099 (00098) niet aanwezig is. Verboden in de andere gevallen." */
function theoreticalSalaryRow(anomaly: "00098-001" | "00099-001" | "00099-005"): GlossaryCondition {
  const both = anomaly === "00099-005";
  return {
    zone: anomaly.slice(0, 5),
    anomaly,
    condition: `TheoreticalSalary holds exactly one of MonthlyTheoreticalSalaryAmount (00098) and HourlyTheoreticalSalaryAmount (00099): ${both ? "00099 is forbidden next to 00098" : "one of them is present"}`,
    check: (form) =>
      eachOccupation(form, ({ salary }) => {
        if (salary === null) return null;
        const [monthly, hourly] = [has(salary, "MonthlyTheoreticalSalaryAmount"), has(salary, "HourlyTheoreticalSalaryAmount")];
        if (both) return monthly && hourly ? "both MonthlyTheoreticalSalaryAmount and HourlyTheoreticalSalaryAmount" : null;
        return !monthly && !hourly ? "neither MonthlyTheoreticalSalaryAmount nor HourlyTheoreticalSalaryAmount" : null;
      }),
  };
}

/** 00037-008 of both WECH glossaries: the worker codes they exclude by name. */
export const WECH_EXCLUDED_WORKER_CODES = ["840", "841", "879", "676", "406", "407", "848", "849", "497", "883"] as const;
export const WECH_EXCLUDED_WORDS =
  " (students, pre-pensioners, civil servants abroad, members of parliament or government, trainees, and in the unemployment scenarios childminders 497 and dismissed workers 883)";

export const WECH003_CONDITIONS: readonly GlossaryCondition[] = [
  ...envelopeRows("WECH"),
  workerCodeAllowed(WECH_EXCLUDED_WORKER_CODES, WECH_EXCLUDED_WORDS),
  START_IN_RANGE,
  END_ONLY_BEFORE_2016,
  ...OCCUPATION_ROWS,
  Q_BELOW_S,
  LEGAL_BASIS_REQUIRED,
  LEGAL_BASIS_FORBIDDEN,
  FULL_TIME_REQUEST_REQUIRED,
  FULL_TIME_REQUEST_NINE_ONLY_WITHOUT_COMMITTEE,
  theoreticalSalaryRow("00098-001"),
  theoreticalSalaryRow("00099-001"),
  theoreticalSalaryRow("00099-005"),
  workGridRow("90060-001"),
  workGridRow("90060-005"),
];
