import { ConfigError } from '../../errors/config-error.js';

/** Where the Pact Broker is and how to log in, from the usual environment variables. */
export interface BrokerConfig {
  readonly url: string;
  readonly auth:
    | { readonly kind: 'token'; readonly token: string }
    | { readonly kind: 'basic'; readonly username: string; readonly password: string };
}

/**
 * Reads PACT_BROKER_BASE_URL and PACT_BROKER_TOKEN (or PACT_BROKER_USERNAME and
 * PACT_BROKER_PASSWORD); says which are missing and how to set them.
 */
export function brokerConfigFromEnv(
  env: Readonly<Record<string, string | undefined>>,
): BrokerConfig {
  const url = env['PACT_BROKER_BASE_URL'] ?? '';
  const token = env['PACT_BROKER_TOKEN'] ?? '';
  const username = env['PACT_BROKER_USERNAME'] ?? '';
  const password = env['PACT_BROKER_PASSWORD'] ?? '';

  // Step 1: the broker's address, checked as a URL.
  if (url === '') {
    throw new ConfigError(
      'PACT_BROKER_BASE_URL is not set: name the Pact Broker to publish to, e.g. ' +
        'PACT_BROKER_BASE_URL=https://broker.example.com, with PACT_BROKER_TOKEN ' +
        '(or PACT_BROKER_USERNAME and PACT_BROKER_PASSWORD).',
    );
  }
  if (!/^https?:\/\/[^/]/i.test(url)) {
    throw new ConfigError(
      `PACT_BROKER_BASE_URL must be an http or https URL; got ${JSON.stringify(url)}.`,
    );
  }

  // Step 2: a token, or a user name with its password.
  if (token !== '') return { url, auth: { kind: 'token', token } };
  if (username !== '' && password !== '') {
    return { url, auth: { kind: 'basic', username, password } };
  }
  const half = username !== '' || password !== '' ? ' (only one of them is set)' : '';
  throw new ConfigError(
    'No Pact Broker credentials: set PACT_BROKER_TOKEN, or both PACT_BROKER_USERNAME and ' +
      `PACT_BROKER_PASSWORD${half}.`,
  );
}
