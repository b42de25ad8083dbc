/**
 * Checks the simulator against api/openapi.yaml from the outside: Stoplight Prism runs as a
 * validating proxy in front of a fresh simulator, the bundled scenario library is replayed
 * through it (`import-harness replay --target <prism>`), and every violation Prism reports is
 * counted. Response violations mean the simulator and its description disagree; request
 * violations come from the scenarios that send malformed requests on purpose.
 *
 * The same library is replayed straight against a second fresh simulator, so that a scenario
 * whose outcome changes behind the proxy (Prism altering a request) is named, not hidden.
 *
 * Usage: npm run check:prism   (exit 0 when Prism reports no response violation)
 * Not part of CI: the first run downloads Prism (about 185 packages) through npx.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { freePort } from './free-port.js';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { OPENAPI_FILE } from '../api/openapi.js';
import { HarnessError } from '../errors/harness-error.js';
import { startSimulator, type RunningSimulator } from '../simulator/start-simulator.js';

/** The last Prism release whose `engines` admits Node 20 (5.15 and later need Node 24). */
const PRISM = '@stoplight/prism-cli@5.14.2';
const HOST = '127.0.0.1';
const PRISM_START_MS = 180_000;
const BIN = fileURLToPath(new URL('../bin/import-harness.js', import.meta.url));

class PrismCheckError extends HarnessError {
  readonly code = 'IH_PRISM_CHECK';
}

interface ReplayReport {
  readonly passed: number;
  readonly failed: number;
  readonly skipped: number;
  readonly scenarios: ReadonlyArray<{ readonly id: string; readonly outcome: string }>;
}

interface Violations {
  readonly response: readonly string[];
  readonly request: readonly string[];
  readonly unrouted: number;
}

async function main(): Promise<number> {
  const out = (line = ''): unknown => process.stdout.write(`${line}\n`);
  const folder = mkdtempSync(join(tmpdir(), 'ih-prism-'));
  const behindProxy = await startSimulator({ host: HOST, pace: 'instant' });
  const direct = await startSimulator({ host: HOST, pace: 'instant' });
  let prism: ChildProcess | undefined;
  try {
    // Step 1: Prism in front of the first simulator, validating and forwarding.
    const port = await freePort();
    out(`Starting ${PRISM} as a validation proxy for ${behindProxy.url} …`);
    const started = await startPrism(behindProxy, port);
    prism = started.child;
    const prismUrl = `http://${HOST}:${port}`;

    // Step 2: the bundled library through the proxy, and straight against the second simulator.
    out(`Replaying the bundled library through ${prismUrl} …`);
    const proxied = await replay(prismUrl, join(folder, 'through-prism.json'));
    const straight = await replay(direct.url, join(folder, 'direct.json'));

    // Step 3: what Prism said, and which outcomes the proxy changed.
    const violations = parseViolations(started.log());
    const changed = proxied.scenarios.filter(
      (scenario) =>
        straight.scenarios.find((other) => other.id === scenario.id)?.outcome !== scenario.outcome,
    );
    out();
    out(`Replay through Prism: ${summary(proxied)}`);
    out(`Replay without Prism: ${summary(straight)}`);
    out(`Outcomes changed by the proxy: ${changed.map((s) => s.id).join(', ') || 'none'}`);
    out(`Response violations: ${violations.response.length}`);
    for (const line of tally(violations.response)) out(`  ${line}`);
    out(`Request violations (malformed on purpose by the scenarios): ${violations.request.length}`);
    for (const line of tally(violations.request)) out(`  ${line}`);
    out(
      `Requests Prism could not route (unknown paths and methods, on purpose): ${violations.unrouted}`,
    );
    return violations.response.length === 0 ? 0 : 1;
  } finally {
    if (prism?.pid !== undefined) process.kill(-prism.pid, 'SIGTERM');
    await behindProxy.close();
    await direct.close();
  }
}

/** Starts Prism in its own process group and resolves once it listens. */
function startPrism(
  upstream: RunningSimulator,
  port: number,
): Promise<{ child: ChildProcess; log: () => string }> {
  const args = ['--yes', PRISM, 'proxy', OPENAPI_FILE, upstream.url];
  args.push('--host', HOST, '--port', String(port), '--errors', 'false');
  const child = spawn('npx', args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      if (child.pid !== undefined) process.kill(-child.pid, 'SIGTERM');
      reject(new PrismCheckError(`Prism did not start within ${PRISM_START_MS} ms:\n${log}`));
    }, PRISM_START_MS);
    const read = (chunk: Buffer): void => {
      log += stripAnsi(chunk.toString());
      if (!log.includes('Prism is listening')) return;
      clearTimeout(timer);
      resolve({ child, log: () => log });
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(
        new PrismCheckError(`Prism exited with code ${String(code)} before listening:\n${log}`),
      );
    });
  });
}

/** Runs `import-harness replay --target URL` and reads its JSON report. */
async function replay(target: string, report: string): Promise<ReplayReport> {
  const args = [BIN, 'replay', '--target', target, '--report', `json:${report}`];
  const child = spawn(process.execPath, args, { stdio: 'ignore' });
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  // Exit 1 means some scenario failed; the report still tells which. 2 means it could not run.
  if (code !== 0 && code !== 1) {
    throw new PrismCheckError(`replay --target ${target} exited with ${String(code)}`);
  }
  return JSON.parse(readFileSync(report, 'utf8')) as ReplayReport;
}

/** Prism logs each violation as `… Violation: <where> <what>`; `where` starts with the side. */
function parseViolations(log: string): Violations {
  const found = log
    .split('\n')
    .filter((line) => line.includes('Violation: '))
    .map((line) => line.replace(/^.*?Violation: /, ''));
  const unrouted = found.filter((line) => line.startsWith('request Selected route not found'));
  return {
    response: found.filter((line) => line.startsWith('response')),
    request: found.filter((line) => line.startsWith('request') && !unrouted.includes(line)),
    unrouted: unrouted.length,
  };
}

/** Identical lines counted once each, most frequent first. */
function tally(lines: readonly string[]): string[] {
  const counts = new Map<string, number>();
  for (const line of lines) counts.set(line, (counts.get(line) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1]).map(([line, count]) => `${count} × ${line}`);
}

function summary(report: ReplayReport): string {
  return `${report.passed} passed, ${report.failed} failed, ${report.skipped} skipped`;
}

function stripAnsi(text: string): string {
  // eslint-disable-next-line no-control-regex -- ANSI escape sequences start with ESC
  return text.replace(/\u001b\[[0-9;]*m/g, '');
}

process.exitCode = await main();
