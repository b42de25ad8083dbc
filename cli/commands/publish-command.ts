import { parseArgs } from 'node:util';
import { PACTS_DIR } from '../../contracts/contract-names.js';
import { brokerConfigFromEnv } from '../../contracts/publish/broker-config.js';
import { publishPacts } from '../../contracts/publish/publish-pacts.js';
import { resolvePactSources } from '../../contracts/verifier/pact-sources.js';
import { UsageError } from '../../errors/usage-error.js';
import type { CliIo } from '../cli-io.js';

/**
 * `import-harness publish [--pact-dir DIR] [--consumer-version V] [--branch B] [--tag T…]`:
 * publishes pact files to the Pact Broker named by PACT_BROKER_BASE_URL.
 */
export async function publishCommand(args: readonly string[], io: CliIo): Promise<number> {
  // Step 1: the broker, the version and the files, all checked before anything is sent.
  const { values } = parseArgs({
    args: [...args],
    options: {
      'pact-dir': { type: 'string' },
      'consumer-version': { type: 'string' },
      branch: { type: 'string' },
      tag: { type: 'string', multiple: true },
    },
  });
  const broker = brokerConfigFromEnv(io.env);
  const consumerVersion = values['consumer-version'] ?? io.env['PACT_CONSUMER_VERSION'] ?? '';
  if (consumerVersion === '') {
    throw new UsageError(
      'publish needs the consumer version: --consumer-version V (or PACT_CONSUMER_VERSION), ' +
        'e.g. the commit id.',
    );
  }
  const branch = values.branch ?? io.env['PACT_CONSUMER_BRANCH'];
  const sources = resolvePactSources([], [values['pact-dir'] ?? PACTS_DIR]);

  // Step 2: one publication per consumer.
  const published = await publishPacts(broker, {
    files: sources.pactUrls,
    consumerVersion,
    ...(branch === undefined || branch === '' ? {} : { branch }),
    tags: values.tag ?? [],
  });
  for (const item of published) {
    io.stdout.write(
      `Published ${item.contracts} pact(s) of ${item.consumer} ${consumerVersion} to ${broker.url}\n`,
    );
  }
  return 0;
}
