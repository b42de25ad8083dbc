/**
 * The public surface of import-harness, listed by name.
 *
 * @module
 */
export { startSimulator } from './simulator/start-simulator.js';
export type { RunningSimulator, StartSimulatorOptions } from './simulator/start-simulator.js';
export { DEFAULT_SIMULATOR_OPTIONS } from './simulator/simulator-options.js';
export type { Pace, SimulatorOptions, SimulatorUser } from './simulator/simulator-options.js';
export { loadReferenceData } from './simulator/config/load-reference-data.js';

export { ImportApiClient } from './client/import-api-client.js';
export type {
  ActionName,
  ClientOptions,
  JsonUpload,
  MultipartUpload,
  RequestHeaders,
  UploadPart,
} from './client/import-api-client.js';
export { ControlClient } from './client/control-client.js';
export type { FaultRuleSpec, SimulatorConfig } from './client/control-client.js';
export type { ApiResponse, SentRequest } from './client/api-response.js';
export type {
  DispatchStatusRow,
  Envelope,
  ErrorExplanation,
  StatusObject,
  ValidationErrorItem,
  ValidationStatusRow,
} from './api/wire-types.js';

export { loadScenario } from './scenarios/format/load-scenario.js';
export type { LoadedScenario } from './scenarios/format/load-scenario.js';
export { scenarioSchema } from './scenarios/format/scenario-schema.js';
export type { Scenario, ScenarioStep } from './scenarios/format/scenario-schema.js';
export { runScenario } from './scenarios/runner/run-scenario.js';
export { loadScenarios, replay } from './scenarios/runner/replay.js';
export type { ReplaySummary } from './scenarios/runner/replay.js';
export { providerTarget, simulatorTarget } from './scenarios/runner/run-target.js';
export type { RunTarget } from './scenarios/runner/run-target.js';
export type { ScenarioResult, StepResult } from './scenarios/runner/scenario-result.js';

export { explore, DEFAULT_EXPLORE_OPTIONS } from './explore/runner/explore.js';
export type {
  ExploreFailure,
  ExploreOptions,
  ExploreProgress,
  ExploreResult,
} from './explore/runner/explore.js';
export type { ExploreTarget } from './explore/runner/explore-target.js';
export { runCase } from './explore/runner/run-case.js';
export type { CaseFailure, CaseOutcome } from './explore/runner/run-case.js';
export { RecordingClient } from './explore/runner/recording-client.js';
export type { Exchange } from './explore/runner/recording-client.js';
export {
  caseArbitrary,
  casePlanArbitrary,
  scenarioArbitrary,
  DEFAULT_CASE_OPTIONS,
} from './explore/generators/case-arbitrary.js';
export type { CaseOptions } from './explore/generators/case-arbitrary.js';
export { buildCase } from './explore/generators/build-case.js';
export type { BuildOptions, GeneratedCase, StepNote } from './explore/generators/build-case.js';
export type {
  ActionChoice,
  CasePlan,
  EntityPlan,
  FaultPlan,
  FilePlan,
  GivenPlan,
  KeyChoice,
  ReferenceChoice,
  StepPlan,
} from './explore/generators/case-plan.js';
export { personArbitrary } from './explore/generators/person-arbitrary.js';
export { accountArbitrary } from './explore/generators/account-arbitrary.js';
export { transactionArbitrary } from './explore/generators/transaction-arbitrary.js';
export { contractArbitrary } from './explore/generators/contract-arbitrary.js';
export {
  ENTITY_DEFECTS,
  entityDefect,
  entityDefectArbitrary,
} from './explore/generators/entity-defects.js';
export type { DefectError, EntityDefect } from './explore/generators/entity-defect.js';
export {
  TECHNICAL_DEFECTS,
  technicalDefect,
  technicalDefectArbitrary,
} from './explore/generators/technical-defects.js';
export type { Collections, TechnicalDefect } from './explore/generators/technical-defects.js';
export {
  entityPlanArbitrary,
  filePlanArbitrary,
  keyChoiceArbitrary,
  referenceChoiceArbitrary,
} from './explore/generators/file-plan-arbitrary.js';
export type { FilePlanOptions } from './explore/generators/file-plan-arbitrary.js';
export { givenArbitrary } from './explore/generators/given-arbitrary.js';
export {
  faultRuleArbitrary,
  faultRulesArbitrary,
} from './explore/generators/fault-rule-arbitrary.js';
export {
  actionChoiceArbitrary,
  clientStepArbitrary,
  clientStepsArbitrary,
  uploadStepArbitrary,
} from './explore/generators/client-step-arbitrary.js';
export { minimizePlan, smallerPlans } from './explore/generators/minimize-plan.js';
export type { MinimizeResult } from './explore/generators/minimize-plan.js';
export { OracleWorld } from './explore/oracle/oracle-world.js';
export type {
  Answer,
  FaultSpec,
  RequestChoices,
  UploadRequest,
} from './explore/oracle/oracle-world.js';
export { PossibleWorlds } from './explore/oracle/possible-worlds.js';
export type { AgreedView } from './explore/oracle/possible-worlds.js';
export type { StatusView } from './explore/oracle/status-view.js';
export { checkInvariants } from './explore/oracle/invariants/check-invariants.js';
export type { InvariantViolation } from './explore/oracle/invariants/check-invariants.js';

export { HarnessError } from './errors/harness-error.js';
export { ConfigError } from './errors/config-error.js';
export { FileError } from './errors/file-error.js';
export { ScenarioError } from './errors/scenario-error.js';
export type { ScenarioIssue } from './errors/scenario-error.js';
export { TargetError } from './errors/target-error.js';
export { UsageError } from './errors/usage-error.js';
