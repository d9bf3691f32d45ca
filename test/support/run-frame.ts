/** The run frame of rule tests on plain records: one board, one institution, a cut-off on the 15th at 16:00. */
import type { ReferenceData } from "../../src/domain/ministry-records";
import type { CalendarDate } from "../../src/domain/calendar-date";
import { addMonths, type YearMonth } from "../../src/domain/year-month";
import type { RunFrame } from "../../src/rules/person-context";
import { defaultRuleParameters } from "../../src/rules/rule-parameters";

export const TEST_REFERENCES: ReferenceData = {
  boards: new Map([[1, { id: 1, name: "Board", agency: "AGODI", preventionServiceKbo: null, preventionServiceName: null, problems: [] }]]),
  institutions: new Map([[1, { id: 1, boardId: 1, name: "School", level: "SO", establishmentUnit: null, problems: [] }]]),
};

/** Run month M with nothing decided before, its forms made on the 2nd of M + 1; ZIMA002 from M, ZIMA005 holiday years from 2015, unless overridden. */
export function testFrame(runMonth: YearMonth, overrides: Partial<RunFrame> = {}): RunFrame {
  return {
    runMonth,
    creationDate: `${addMonths(runMonth, 1)}-02` as CalendarDate,
    cutoffAt: `${runMonth}-15 16:00:00`,
    nextCutoffAt: null,
    parameters: defaultRuleParameters(),
    references: TEST_REFERENCES,
    duplicateMessageRefs: new Set(),
    duplicateInszs: new Map(),
    isPreviouslyDeclared: () => false,
    previousFingerprint: () => undefined,
    benefitsMonthsFrom: runMonth,
    holidayYearsFrom: 2015,
    isReleased: () => false,
    ...overrides,
  };
}
