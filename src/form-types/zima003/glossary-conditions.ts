/**
 * ZIMA003 (breastfeeding breaks, glossary FBAMI3 / Zones_AMI3 2023/3): the conditions of its glossary
 * that the official schemas/official/ZIMA003_20231.xsd cannot express. Only IdentificationOfRisk 001
 * exists, and the INSZ "moet verwijzen naar een vrouw".
 */
import { dayCountOf, monthOf } from "../../domain/year-month";
import type { FormNode } from "../../forms/form-envelope";
import { OCCUPATION_ROWS, envelopeRows, workerCodeAllowed } from "../../forms/glossary-conditions/common-conditions";
import { collect, creationDateOf, date, int, node, nodes, text } from "../../forms/glossary-conditions/form-reading";
import { benefitsPeriodsOf, oneMonthForAll, type PeriodView, refEndInStartMonth } from "../../forms/glossary-conditions/nature-of-day";
import type { GlossaryCondition } from "../../forms/glossary-conditions/types";

const linksOf = benefitsPeriodsOf;

function eachLink(form: FormNode, check: (view: PeriodView) => string | null): string | null {
  return collect(linksOf(form), check);
}

const REF_START_BEFORE_CREATION: GlossaryCondition = {
  zone: "00074",
  anomaly: "00074-008",
  condition:
    'RefStartingDate: "de datum ligt voor de datum van creatie van het formulier" (the "productiedatum" is not given and not checked)',
  check: (form) => {
    const created = creationDateOf(form);
    return eachLink(form, ({ period }) => {
      const start = date(period, "RefStartingDate");
      return created !== null && start !== null && start >= created
        ? `RefStartingDate ${start} not before FormCreationDate ${created}`
        : null;
    });
  },
};

const REF_END_NOT_AFTER_CREATION: GlossaryCondition = {
  zone: "00075",
  anomaly: "00075-008",
  condition: 'RefEndingDate: "de datum ligt voor of is gelijk aan de datum van creatie van het formulier"',
  check: (form) => {
    const created = creationDateOf(form);
    return eachLink(form, ({ period }) => {
      const end = date(period, "RefEndingDate");
      return created !== null && end !== null && end > created ? `RefEndingDate ${end} after FormCreationDate ${created}` : null;
    });
  },
};

const REF_END_AFTER_START: GlossaryCondition = {
  zone: "00075",
  anomaly: "00075-014",
  condition: 'RefEndingDate: "de datum ligt na de datum waarop de referteperiode begint" (a one-day period cannot be declared)',
  check: (form) =>
    eachLink(form, ({ period }) => {
      const [start, end] = [date(period, "RefStartingDate"), date(period, "RefEndingDate")];
      return start !== null && end !== null && end <= start ? `RefEndingDate ${end} not after RefStartingDate ${start}` : null;
    }),
};

/** 00074-099 / 00075-099: "De datum ligt ná of is gelijk aan de begindatum van de tewerkstelling en ligt vóór of is gelijk aan de einddatum van tewerkstelling." */
function withinOccupation(zone: "00074" | "00075", label: "RefStartingDate" | "RefEndingDate"): GlossaryCondition {
  return {
    zone,
    anomaly: `${zone}-099`,
    condition: `${label}: "De datum ligt ná of is gelijk aan de begindatum van de tewerkstelling en ligt vóór of is gelijk aan de einddatum van tewerkstelling"`,
    check: (form) =>
      eachLink(form, ({ link, period }) => {
        const [day, start, end] = [date(period, label), date(link, "OccupationStartingDate"), date(link, "OccupationEndingDate")];
        if (day === null) return null;
        if (start !== null && day < start) return `${label} ${day} before OccupationStartingDate ${start}`;
        return end !== null && day > end ? `${label} ${day} after OccupationEndingDate ${end}` : null;
      }),
  };
}

const BREAKS_AT_MOST_TWICE_THE_DAYS: GlossaryCondition = {
  zone: "00151",
  anomaly: "00151-097",
  condition:
    '"De som van het aantal borstvoedingspauzes mag, voor alle tewerkstellingen samen, niet groter zijn dan tweemaal het aantal dagen van de refertemaand"',
  check: (form) => {
    const views = linksOf(form);
    const start = views.length > 0 ? date(views[0].period, "RefStartingDate") : null;
    if (start === null) return null;
    const total = views.reduce((sum, { period }) => sum + (int(node(period, "BreastFeedingPause"), "BreastFeedingPauseNbr") ?? 0), 0);
    const limit = 2 * dayCountOf(monthOf(start));
    return total > limit ? `${total} breaks in ${monthOf(start)}, more than ${limit}` : null;
  },
};

const LINKS_NOT_IDENTICAL: GlossaryCondition = {
  zone: "90068",
  anomaly: "90068-006",
  condition:
    '"Te veel identieke gevallen": two OccupationLinks of one WorkerRecordLink with the same start, end, joint committee, days, Q and S cannot be told apart',
  check: (form) =>
    collect(nodes(node(node(form, "EmployerDeclarationLink"), "NaturalPerson"), "WorkerRecordLink"), (record) => {
      const keys = nodes(record, "OccupationLink").map((link) =>
        [
          "OccupationStartingDate",
          "OccupationEndingDate",
          "JointCommissionNbr",
          "WorkingDaysSystem",
          "MeanWorkingHours",
          "RefMeanWorkingHours",
        ]
          .map((label) => text(link, label) ?? "")
          .join("/"),
      );
      const twice = keys.find((key, i) => keys.indexOf(key) !== i);
      return twice === undefined ? null : `two OccupationLinks alike: ${twice}`;
    }),
};

export const ZIMA003_CONDITIONS: readonly GlossaryCondition[] = [
  ...envelopeRows("ZIMA", "001"),
  workerCodeAllowed(
    ["840", "841", "879", "883", "885", "497", "406", "407", "848", "849"],
    " and no code beginning with 6 (students, pre-pensioners, civil servants, dismissed workers or career breaks with a contribution on supplementary allowances, childminders, members of parliament or government, trainees)",
    (code) => (code.startsWith("6") ? `WorkerCode ${code} (a civil servant) is not allowed in this form` : null),
  ),
  ...OCCUPATION_ROWS,
  LINKS_NOT_IDENTICAL,
  REF_START_BEFORE_CREATION,
  withinOccupation("00074", "RefStartingDate"),
  REF_END_NOT_AFTER_CREATION,
  REF_END_AFTER_START,
  refEndInStartMonth(linksOf),
  withinOccupation("00075", "RefEndingDate"),
  oneMonthForAll(linksOf),
  BREAKS_AT_MOST_TWICE_THE_DAYS,
];
