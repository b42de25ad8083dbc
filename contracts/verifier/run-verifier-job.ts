import { fork } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { PACT_ENVIRONMENT } from '../contract-names.js';
import type { VerifierJob, VerifierJobResult } from './verifier-job.js';

const WORKER = fileURLToPath(new URL('./verifier-worker.ts', import.meta.url));

export interface VerifierRun {
  readonly result: VerifierJobResult;
  /** What Pact's core printed: its own report and log lines. */
  readonly output: string;
}

/**
 * Runs the Pact Verifier in a child process (TypeScript through tsx's loader) and collects
 * its JSON report and its printed output. The abort signal stops it.
 */
export function runVerifierJob(job: VerifierJob, signal?: AbortSignal): Promise<VerifierRun> {
  const loader = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
  const child = fork(WORKER, [], {
    execArgv: ['--import', loader],
    env: { ...process.env, ...PACT_ENVIRONMENT, NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    ...(signal === undefined ? {} : { signal }),
  });

  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));

  return new Promise((resolve, reject) => {
    let result: VerifierJobResult | undefined;
    child.once('message', (message) => (result = message as VerifierJobResult));
    child.once('error', reject);
    child.once('close', (code) => {
      resolve({
        result: result ?? {
          kind: 'error',
          message: `the verifier process ended (exit code ${String(code)}) without a report`,
        },
        output,
      });
    });
    child.send(job);
  });
}
