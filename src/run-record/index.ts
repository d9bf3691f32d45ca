/**
 * The run's published record, the one thing the reports read of a run: the lines of decisions.jsonl
 * (a person, their decision units with what each declared form said, cancellations, rejected records)
 * and run-summary.json (the account, the files). src/run writes them; reports/ reads them, and reads the
 * results of `easr explain` and `easr simulate` in the same terms.
 */
export type {
  DeclaredContent,
  DeclaredContentOf,
  DeclaredForm,
  Wech003Content,
  Wech006Content,
  Zima001Content,
  Zima001OccupationContent,
  Zima002Content,
  Zima002PeriodContent,
  Zima003Content,
  Zima003LinkContent,
  Zima005Content,
  Zima006Content,
} from "./declared-content";
export { READABLE_RECORD_FORMATS, RECORD_FORMAT } from "./decision-lines";
export { ContextsOfPerson, withSharedContexts } from "./shared-contexts";
export type {
  CancellationLine,
  DecisionLine,
  DeclaredUnitLine,
  DeclaredUnitLineOf,
  NotEligibleUnitLine,
  PersonLine,
  RecordRef,
  RejectedRecordLine,
  RejectedUnitLine,
  UnitLine,
  WaitingUnitLine,
} from "./decision-lines";
export type { AssignmentTrace, MonthTrace, NotificationTrace, PersonTrace, SalaryLineTrace, SentFormTrace } from "./person-trace";
export {
  carriesGross,
  fileNameOf,
  type FormTypeCounts,
  type GrossFormType,
  type OutcomeCounts,
  type RejectedRecordItem,
  type RejectedRecords,
  type RunSummary,
  type WrittenFile,
} from "./run-summary";
export type { PersonChange, SimulationResult } from "./simulation-result";
