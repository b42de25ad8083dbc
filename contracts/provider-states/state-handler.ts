import type { StateContext } from './state-context.js';
import type { StateParams } from './state-params.js';

/** The values a state hands back for `fromProviderState`, e.g. `importProcessId`. */
export type ProviderStateValues = Readonly<Record<string, string>>;

export interface StateSetUp {
  readonly values: ProviderStateValues;
  /** Undoes what the set-up changed beyond new data (e.g. a held pace), after the interaction. */
  readonly teardown?: () => Promise<void>;
}

/** Reaches one catalogue state on the provider of the context. */
export type StateHandler = (params: StateParams, context: StateContext) => Promise<StateSetUp>;
