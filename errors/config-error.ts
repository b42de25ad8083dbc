import { HarnessError } from './harness-error.js';

/** An option, flag or configuration file holds a value the harness cannot use. */
export class ConfigError extends HarnessError {
  readonly code = 'IH_CONFIG_INVALID';
}
