import { PROCESS_STATUSES, isProcessStatus, type ProcessStatus } from '../../model/statuses.js';
import { StateSetupError } from '../errors/state-setup-error.js';
import { catalogueEntry, type StateName } from './state-catalogue.js';

/** The parameters of one provider state, as the pact file holds them (JSON values). */
export type StateParams = Readonly<Record<string, unknown>>;

/** Refuses parameters the catalogue does not list for the state: a typo must not pass. */
export function assertKnownParams(state: StateName, params: StateParams): void {
  const known = catalogueEntry(state).parameters.map((parameter) => parameter.name);
  const unknown = Object.keys(params).filter((name) => !known.includes(name));
  if (unknown.length === 0) return;
  throw new StateSetupError(
    `State "${state}" has no parameter ${unknown.map((name) => `"${name}"`).join(', ')}; ` +
      `its parameters are ${known.join(', ')}.`,
  );
}

/** A non-empty string parameter, or the fallback when it is absent. */
export function stringParam(
  state: StateName,
  params: StateParams,
  name: string,
  fallback: () => string,
): string {
  const value = params[name];
  if (value === undefined || value === null) return fallback();
  if (typeof value === 'string' && value !== '') return value;
  throw new StateSetupError(
    `Parameter "${name}" of state "${state}" must be a non-empty string; got ${JSON.stringify(value)}.`,
  );
}

/** A count of entities: a whole number from 0 to 100, as a number or a string of digits. */
export function countParam(
  state: StateName,
  params: StateParams,
  name: string,
  fallback: number,
): number {
  const value = params[name];
  if (value === undefined || value === null) return fallback;
  const count = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
  if (typeof count === 'number' && Number.isInteger(count) && count >= 0 && count <= 100) {
    return count;
  }
  throw new StateSetupError(
    `Parameter "${name}" of state "${state}" must be a whole number from 0 to 100; ` +
      `got ${JSON.stringify(value)}.`,
  );
}

/** The required `status` parameter. */
export function statusParam(state: StateName, params: StateParams): ProcessStatus {
  const value = params['status'];
  if (isProcessStatus(value)) return value;
  throw new StateSetupError(
    `Parameter "status" of state "${state}" is required and must be one of ` +
      `${PROCESS_STATUSES.join(', ')}; got ${JSON.stringify(value)}.`,
  );
}
