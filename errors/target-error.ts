import { HarnessError } from './harness-error.js';

/** The target (a provider's base URL) does not answer, or answers something unusable. */
export class TargetError extends HarnessError {
  readonly code = 'IH_TARGET_UNREACHABLE';
}
