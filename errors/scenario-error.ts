import { HarnessError } from './harness-error.js';

/** One problem of a scenario file: data first, text second. */
export interface ScenarioIssue {
  readonly code:
    'invalid_yaml' | 'invalid_value' | 'missing_content' | 'file_not_found' | 'unknown_process';
  /** Where in the scenario, e.g. `steps[2].upload.file`. */
  readonly path: string;
  /** 1-based line and column in the file, when known. */
  readonly line?: number;
  readonly column?: number;
  readonly message: string;
}

/** A scenario file that cannot be run as written. */
export class ScenarioError extends HarnessError {
  readonly code = 'IH_SCENARIO_INVALID';

  constructor(
    readonly file: string,
    readonly issues: readonly ScenarioIssue[],
  ) {
    super(formatScenarioIssues(file, issues));
  }
}

/** Renders issues for a reader: one line each, with file, line and path. */
export function formatScenarioIssues(file: string, issues: readonly ScenarioIssue[]): string {
  const lines = issues.map((issue) => {
    const where = issue.line === undefined ? file : `${file}:${issue.line}:${issue.column ?? 1}`;
    const path = issue.path === '' ? '' : ` at ${issue.path}`;
    return `✖ ${where}${path}: ${issue.message}`;
  });
  return `Invalid scenario file ${file}:\n${lines.join('\n')}`;
}
