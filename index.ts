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

export { HarnessError } from './errors/harness-error.js';
export { ConfigError } from './errors/config-error.js';
export { FileError } from './errors/file-error.js';
export { ScenarioError } from './errors/scenario-error.js';
export type { ScenarioIssue } from './errors/scenario-error.js';
export { TargetError } from './errors/target-error.js';
export { UsageError } from './errors/usage-error.js';
