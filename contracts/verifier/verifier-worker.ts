/**
 * Entry of the verifier process (see run-verifier-job.ts): receives one job over IPC, runs
 * the Pact Verifier, sends back its JSON report and exits. Pact's native output goes to this
 * process's stdout, which the parent keeps apart from the CLI's own output.
 */
import { Verifier } from '@pact-foundation/pact';
import type { VerifierJob, VerifierJobResult } from './verifier-job.js';
import { verifierOptions } from './verifier-options.js';

process.once('message', (job: VerifierJob) => {
  void run(job).then((result) => process.send?.(result, () => process.disconnect()));
});

async function run(job: VerifierJob): Promise<VerifierJobResult> {
  try {
    return { kind: 'report', json: await new Verifier(verifierOptions(job)).verifyProvider() };
  } catch (error) {
    // A failed verification rejects with its JSON report as the message.
    const message = error instanceof Error ? error.message : String(error);
    return message.startsWith('{') ? { kind: 'report', json: message } : { kind: 'error', message };
  }
}
