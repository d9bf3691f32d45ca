import { InitialState1764000000000 } from "./1764000000000-initial-state";
import { DecisionMemory1764100000000 } from "./1764100000000-decision-memory";
import { AuditAndRecovery1764200000000 } from "./1764200000000-audit-and-recovery";
import { Answers1764300000000 } from "./1764300000000-answers";
import { RiskCode1764400000000 } from "./1764400000000-risk-code";
import { ReissueAndRelease1764500000000 } from "./1764500000000-reissue-and-release";
import { RunRecord1764610000000 } from "./1764610000000-run-record";
import { AnswerStreaming1764620000000 } from "./1764620000000-answer-streaming";
import { UnitSubject1764700000000 } from "./1764700000000-unit-subject";
import { KeptZones1764800000000 } from "./1764800000000-kept-zones";
import { ChannelTransfers1764900000000 } from "./1764900000000-channel-transfers";

/** Every state migration, oldest first. */
export const STATE_MIGRATIONS = [
  InitialState1764000000000,
  DecisionMemory1764100000000,
  AuditAndRecovery1764200000000,
  Answers1764300000000,
  RiskCode1764400000000,
  ReissueAndRelease1764500000000,
  RunRecord1764610000000,
  AnswerStreaming1764620000000,
  UnitSubject1764700000000,
  KeptZones1764800000000,
  ChannelTransfers1764900000000,
];
