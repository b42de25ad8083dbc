import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { PACTS_DIR, PROVIDER_NAME } from '../../contracts/contract-names.js';
import {
  formatInteraction,
  formatVerificationJson,
  formatVerificationJunit,
  formatVerificationSummary,
} from '../../contracts/verifier/format-verification.js';
import { resolvePactSources } from '../../contracts/verifier/pact-sources.js';
import {
  pactInteractionsOf,
  type PactInteraction,
} from '../../contracts/verifier/verification-report.js';
import type { BrokerJob, ConsumerVersionSelector } from '../../contracts/verifier/verifier-job.js';
import { verifyProvider } from '../../contracts/verifier/verify-provider.js';
import { UsageError } from '../../errors/usage-error.js';
import { NO_PAINT } from '../../scenarios/report/format-human.js';
import { useColour, type CliIo } from '../cli-io.js';
import { parseReports, writeReports } from '../report-option.js';
import { COLOURS, parseTarget } from '../target-option.js';

/**
 * `import-harness verify [--provider-base-url URL] [--pact-url FILE_OR_URL…] [--pact-dir DIR…]
 * [--token T] [--tenant T] [--broker-url URL --provider-version V --branch B --publish]
 * [--report FORMAT:FILE]`
 */
export async function verifyCommand(args: readonly string[], io: CliIo): Promise<number> {
  // Step 1: every flag and pact file is checked before anything starts.
  const { values } = parseArgs({
    args: [...args],
    options: {
      'provider-base-url': { type: 'string' },
      'pact-url': { type: 'string', multiple: true },
      'pact-dir': { type: 'string', multiple: true },
      token: { type: 'string' },
      tenant: { type: 'string' },
      'broker-url': { type: 'string' },
      'provider-version': { type: 'string' },
      branch: { type: 'string' },
      publish: { type: 'boolean' },
      report: { type: 'string', multiple: true },
    },
  });
  const reports = parseReports(values.report, 'verify');
  const providerBaseUrl = optionalUrl('--provider-base-url', values['provider-base-url']);
  const broker = brokerJob(values, io.env);
  const urls = values['pact-url'] ?? [];
  const dirs = values['pact-dir'] ?? [];
  // Without a source named, the harness's own contract is verified.
  const noSource = urls.length === 0 && dirs.length === 0 && broker === undefined;
  const sources = resolvePactSources(urls, noSource ? [PACTS_DIR] : dirs);

  // Step 2: verify, against the provider or an embedded simulator.
  const summary = await verifyProvider({
    ...(providerBaseUrl === undefined ? {} : { providerBaseUrl }),
    pactUrls: sources.pactUrls,
    localInteractions: sources.localInteractions,
    ...(values.token === undefined ? {} : { token: values.token }),
    ...(values.tenant === undefined ? {} : { tenant: values.tenant }),
    ...(broker === undefined ? {} : { broker }),
    ...(io.signal === undefined ? {} : { signal: io.signal }),
  });

  // Step 3: one line per interaction, the count, and the reports, which a failure writes too.
  const paint = useColour(io) ? COLOURS : NO_PAINT;
  for (const item of summary.interactions) io.stdout.write(`${formatInteraction(item, paint)}\n`);
  io.stdout.write(`${formatVerificationSummary(summary)}\n`);
  const pacts = reports.length === 0 ? [] : readPactInteractions(sources.pactUrls);
  writeReports(reports, {
    json: () => formatVerificationJson(summary, pacts),
    junit: () => formatVerificationJunit(summary, pacts),
  });
  return summary.failed > 0 ? 1 : 0;
}

/**
 * The interactions of the local pact files, with their provider states, to name each
 * interaction in the reports. The files were checked before the run; a pact from a URL
 * names none.
 */
function readPactInteractions(pactUrls: readonly string[]): PactInteraction[] {
  return pactUrls
    .filter((source) => !/^https?:\/\//i.test(source))
    .flatMap((file) => {
      try {
        return pactInteractionsOf(JSON.parse(readFileSync(file, 'utf8')));
      } catch {
        // Gone since the check: its interactions keep their descriptions, without states.
        return [];
      }
    });
}

interface BrokerFlags {
  readonly 'broker-url'?: string | undefined;
  readonly 'provider-version'?: string | undefined;
  readonly branch?: string | undefined;
  readonly publish?: boolean | undefined;
}

/** The broker part of the job: selectors, credentials from the environment, publishing. */
function brokerJob(
  flags: BrokerFlags,
  env: Readonly<Record<string, string | undefined>>,
): BrokerJob | undefined {
  const url = optionalUrl('--broker-url', flags['broker-url']);
  const version = flags['provider-version'];
  const publish = flags.publish ?? false;
  if (url === undefined) {
    const orphan = [
      version === undefined ? null : '--provider-version',
      flags.branch === undefined ? null : '--branch',
      publish ? '--publish' : null,
    ].filter((flag) => flag !== null);
    if (orphan.length === 0) return undefined;
    const verb = orphan.length === 1 ? 'applies' : 'apply';
    throw new UsageError(`${orphan.join(', ')} ${verb} only with --broker-url URL.`);
  }
  if (publish && version === undefined) {
    throw new UsageError(
      '--publish needs --provider-version V: results are published for a version.',
    );
  }

  // The usual consumer-version selectors: the main branch, what is deployed or released,
  // and the consumer branch of the same name as the provider's.
  const selectors: ConsumerVersionSelector[] = [{ mainBranch: true }, { deployedOrReleased: true }];
  if (flags.branch !== undefined) selectors.push({ matchingBranch: true });
  return {
    url,
    provider: PROVIDER_NAME,
    ...credential('token', env['PACT_BROKER_TOKEN']),
    ...credential('username', env['PACT_BROKER_USERNAME']),
    ...credential('password', env['PACT_BROKER_PASSWORD']),
    selectors,
    ...(version === undefined ? {} : { providerVersion: version }),
    ...(flags.branch === undefined ? {} : { branch: flags.branch }),
    publish,
  };
}

function credential(name: string, value: string | undefined): Record<string, string> {
  return value === undefined || value === '' ? {} : { [name]: value };
}

function optionalUrl(flag: string, value: string | undefined): string | undefined {
  return value === undefined ? undefined : parseTarget(value, flag);
}
