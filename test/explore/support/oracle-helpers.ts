/** Small helpers for tests of the explorer's oracle: entities and uploads by hand. */
import type { Answer, OracleWorld } from '../../../explore/oracle/oracle-world.js';
import type { StatusView } from '../../../explore/oracle/status-view.js';

type Data = Record<string, unknown>;

export const TENANT = 'harness';

export function person(key: string, changes: Data = {}): Data {
  return {
    externalPersonId: key,
    source: { sourceName: 'legacy-core', sourceRef: key },
    personTypeCode: 'L',
    name: `Company ${key}`,
    identificationNumbers: [{ idNumber: key, idCountryCode: 'DE', primary: true }],
    addresses: [
      { addressTypeCode: 'R', street1: 'Main 1', cityCounty: 'Berlin', countryCode: 'DE' },
    ],
    ...changes,
  };
}

export function account(key: string, personKey: string, changes: Data = {}): Data {
  return {
    externalAccountId: key,
    externalPersonId: personKey,
    statusCode: 'ACTIVE',
    accountTypeCode: 'CURRENCY',
    activationDate: '2023-02-17',
    currencyCode: 'EUR',
    ...changes,
  };
}

/** A person that fails V-2 only. */
export function invalidPerson(key: string): Data {
  return person(key, {
    identificationNumbers: [{ idNumber: '1', idCountryCode: 'DE', primary: false }],
  });
}

let batches = 0;

/** H-1 of a file in the test tenant, under a new batch unless one is named. */
export function upload(
  world: OracleWorld,
  handle: string,
  file: unknown,
  choices: { sourceRef?: string; requestId?: string; text?: string } = {},
): Answer {
  batches += 1;
  const text = choices.text ?? JSON.stringify(file);
  return world.upload({
    handle,
    tenant: TENANT,
    tokenSent: true,
    requestId: choices.requestId ?? null,
    sourceName: 'legacy-core',
    sourceRef: choices.sourceRef ?? `batch-${batches}`,
    body: { via: 'multipart', bytes: new TextEncoder().encode(text) },
  });
}

export function act(
  world: OracleWorld,
  handle: string,
  action: Parameters<OracleWorld['act']>[1],
  requestId: string | null = null,
): Answer {
  return world.act(handle, action, { tenant: null, tokenSent: true, requestId });
}

/** The status view a read shows; fails the test when the read is refused. */
export function view(world: OracleWorld, handle: string): StatusView {
  const answer = world.read(handle, { tenant: null, tokenSent: true });
  if (answer.view === undefined) throw new Error(`no status for ${handle}: ${answer.http}`);
  return answer.view;
}

export function createdKeys(world: OracleWorld): string[] {
  return world
    .created(TENANT)
    .map((entity) => entity.key)
    .sort();
}
