/**
 * Throughput of randomised exploration against the embedded simulator, as generated
 * processes per second, and as a ratio to a baseline measured in the same process: bare
 * upload + status round trips of a one-person file, the least a process can cost a client.
 *
 * Run: npm run bench:explore [-- --runs N --seed S]. Everything listens on 127.0.0.1 and
 * every loop is bounded.
 */
import { parseArgs } from 'node:util';
import { ImportApiClient } from '../client/import-api-client.js';
import { explore } from '../explore/runner/explore.js';
import { startSimulator } from '../simulator/start-simulator.js';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '300' },
    seed: { type: 'string', default: '20261204' },
    'round-trips': { type: 'string', default: '2000' },
  },
});
const runs = Number(values.runs);
const seed = Number(values.seed);
const roundTrips = Number(values['round-trips']);

const simulator = await startSimulator({ pace: 'instant' });
try {
  // Step 1: warm both paths up, so that neither pays for module loading and JIT alone.
  await baseline(simulator.url, 100);
  await explore({ runs: 20, seed: seed + 1, target: { kind: 'simulator', url: simulator.url } });

  // Step 2: the baseline, then exploration, on the same simulator in the same process.
  const bare = await baseline(simulator.url, roundTrips);
  const explored = await explore({ runs, seed, target: { kind: 'simulator', url: simulator.url } });
  if (explored.failure !== null) throw new Error(`exploration failed: ${explored.failure.file}`);
  const seconds = explored.durationMs / 1000;
  const processesPerSecond = explored.processes / seconds;

  // Step 3: the figures.
  const lines = [
    `baseline: ${roundTrips} upload + status round trips, ${bare.toFixed(0)} processes/s`,
    `explore:  ${explored.runs} cases, ${explored.processes} processes in ${seconds.toFixed(1)} s, ` +
      `${processesPerSecond.toFixed(0)} processes/s, ${(explored.runs / seconds).toFixed(1)} cases/s`,
    `ratio:    ${(processesPerSecond / bare).toFixed(2)} of the bare round-trip rate ` +
      `(seed ${seed}, node ${process.version})`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
} finally {
  await simulator.close();
}

/** Bare processes per second: one upload and one status read each, one after the other. */
async function baseline(url: string, count: number): Promise<number> {
  const client = new ImportApiClient({ baseUrl: url, tenant: 'bench' });
  const started = performance.now();
  for (let index = 0; index < count; index++) {
    const key = `B${index}-${started}`;
    const upload = await client.upload({
      sourceName: 'bench',
      sourceRef: key,
      parts: [{ content: JSON.stringify({ persons: [benchPerson(key)] }) }],
    });
    const id = upload.data?.importProcessId;
    if (upload.status !== 202 || id === undefined)
      throw new Error(`upload answered ${upload.status}`);
    await client.status(id);
  }
  return count / ((performance.now() - started) / 1000);
}

function benchPerson(key: string): Record<string, unknown> {
  return {
    externalPersonId: key,
    source: { sourceName: 'bench', sourceRef: key },
    personTypeCode: 'L',
    name: 'Bench Ltd',
    identificationNumbers: [{ idNumber: key, idCountryCode: 'DE', primary: true }],
    addresses: [
      { addressTypeCode: 'R', street1: 'Main 1', cityCounty: 'Berlin', countryCode: 'DE' },
    ],
  };
}
