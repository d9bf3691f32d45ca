/**
 * The operator workbook's totals per group: per form type, agency, level and school board, the units
 * declared, not eligible, waiting and rejected, the persons, and the amounts declared. Added up person
 * by person in the run's single pass over decisions.jsonl; only the groups stay in memory.
 */
import { type Cents, sumCents, ZERO_CENTS } from "../../src/domain/money";
import { wech006Content, zima002Content, zima005Content } from "../../src/run-record/declared-views";
import { NL } from "../../src/texts/nl";
import type { PersonDecisions } from "../decision-reader";

export interface GroupTotals {
  readonly key: string;
  label: string;
  declared: number;
  notEligible: number;
  waiting: number;
  rejected: number;
  persons: number;
  /** ExactSalary of the declared WECH006 forms. */
  gross: Cents;
  /** Exact wages of the declared ZIMA002 forms (sub-risk 2). */
  zimaGross: Cents;
  /** Holiday days (x 100) of the declared ZIMA005 forms. */
  holidayDays: number;
}

export class GroupTally {
  readonly groups = new Map<string, GroupTotals>();

  group(key: string, label: string): GroupTotals {
    let group = this.groups.get(key);
    if (!group) {
      group = {
        key,
        label,
        declared: 0,
        notEligible: 0,
        waiting: 0,
        rejected: 0,
        persons: 0,
        gross: ZERO_CENTS,
        zimaGross: ZERO_CENTS,
        holidayDays: 0,
      };
      this.groups.set(key, group);
    }
    if (!group.label && label) group.label = label;
    return group;
  }

  sorted(compare: (a: GroupTotals, b: GroupTotals) => number = (a, b) => a.key.localeCompare(b.key)): GroupTotals[] {
    return [...this.groups.values()].sort(compare);
  }
}

/** The key of a group a unit has no value for (no agency, level or board). */
export const UNKNOWN = "?";

export interface RunTotals {
  readonly formTypes: GroupTally;
  readonly agencies: GroupTally;
  readonly levels: GroupTally;
  readonly boards: GroupTally;
}

export function emptyTotals(): RunTotals {
  return { formTypes: new GroupTally(), agencies: new GroupTally(), levels: new GroupTally(), boards: new GroupTally() };
}

/** Adds one person's decisions to the totals. */
export function addToTotals(totals: RunTotals, { units }: PersonDecisions): void {
  const touched = new Set<GroupTotals>();
  for (const unit of units) {
    const c = unit.context;
    const groups = [
      totals.formTypes.group(unit.formType, ""),
      totals.agencies.group(c.agency ?? UNKNOWN, c.agency ? (NL.agencies[c.agency] ?? "") : ""),
      totals.levels.group(c.level ?? UNKNOWN, c.level ? (NL.levels[c.level] ?? "") : ""),
      totals.boards.group(c.boardId === null ? UNKNOWN : String(c.boardId), c.boardName ?? ""),
    ];
    for (const group of groups) {
      touched.add(group);
      if (unit.status === "declared") {
        group.declared++;
        if (unit.formType === "WECH006") group.gross = sumCents([group.gross, wech006Content(unit)?.exactSalary ?? ZERO_CENTS]);
        if (unit.formType === "ZIMA002") group.zimaGross = sumCents([group.zimaGross, zima002Content(unit)?.totalGross ?? ZERO_CENTS]);
        if (unit.formType === "ZIMA005") group.holidayDays += zima005Content(unit)?.totalDays ?? 0;
      } else if (unit.status === "not-eligible") group.notEligible++;
      else if (unit.status === "waiting") group.waiting++;
      else group.rejected++;
    }
  }
  for (const group of touched) group.persons++;
}
