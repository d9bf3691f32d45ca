/**
 * ZIMA006 (resumption of work, glossary FBAMI6 / Zones_AMI6 2023/3): the conditions of its glossary that
 * the official schemas/official/ZIMA006_20231.xsd cannot express. The form has no worker record; only
 * IdentificationOfRisk 001 exists, and its INSZ needs no particular sex.
 */
import { envelopeRows } from "../../forms/glossary-conditions/common-conditions";
import { creationDateOf, date, naturalPerson, node } from "../../forms/glossary-conditions/form-reading";
import type { GlossaryCondition } from "../../forms/glossary-conditions/types";

/** "De datum is gelijk aan of ligt ná 01/07/2005". */
const EARLIEST_RESUMPTION = "2005-07-01";

const RESUMPTION_IN_DOMAIN: GlossaryCondition = {
  zone: "00128",
  anomaly: "00128-008",
  condition:
    'WorkRecoveryDate: "De datum is gelijk aan of ligt ná 01/07/2005; de datum ligt vóór of is gelijk aan de datum van creatie van het formulier"',
  check: (form) => {
    const day = date(node(naturalPerson(form), "WorkRecovery"), "WorkRecoveryDate");
    if (day === null) return null;
    if (day < EARLIEST_RESUMPTION) return `WorkRecoveryDate ${day} before ${EARLIEST_RESUMPTION}`;
    const created = creationDateOf(form);
    return created !== null && day > created ? `WorkRecoveryDate ${day} after FormCreationDate ${created}` : null;
  },
};

/**
 * 90016-001: the XSD requires WorkRecovery too, but a form that lacks it (a cancellation whose day was not
 * kept) is then rejected alone by this row instead of failing its file's validation (D22).
 */
const WORK_RECOVERY_PRESENT: GlossaryCondition = {
  zone: "90016",
  anomaly: "90016-001",
  condition: 'WorkRecovery: "Kardinaliteit 1: 1 ONMISBAAR", in a modification and a cancellation too',
  check: (form) => (date(node(naturalPerson(form), "WorkRecovery"), "WorkRecoveryDate") === null ? "no WorkRecovery with its date" : null),
};

export const ZIMA006_CONDITIONS: readonly GlossaryCondition[] = [
  ...envelopeRows("ZIMA", null, false),
  WORK_RECOVERY_PRESENT,
  RESUMPTION_IN_DOMAIN,
];
