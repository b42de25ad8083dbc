import { copyFileSync, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PactV4, SpecificationVersion } from '@pact-foundation/pact';
import {
  CONSUMER_NAME,
  disablePactTracking,
  PACT_FILE_NAME,
  PROVIDER_NAME,
} from '../contract-names.js';
import { ContractExpectationError } from '../errors/contract-expectation-error.js';
import type { ConsumerInteraction } from './consumer-interaction.js';
import { CONSUMER_INTERACTIONS } from './consumer-interactions.js';
import { recordInteraction } from './record-interaction.js';

/** A Pact consumer that writes the harness's contract (spec V4) into `dir`. */
export function createConsumerPact(dir: string): PactV4 {
  disablePactTracking();
  return new PactV4({
    consumer: CONSUMER_NAME,
    provider: PROVIDER_NAME,
    dir,
    spec: SpecificationVersion.SPECIFICATION_VERSION_V4,
    logLevel: 'error',
  });
}

export interface GeneratedPact {
  readonly file: string;
  readonly interactions: number;
}

/**
 * Records every consumer interaction into a fresh folder and only then moves the pact file
 * into `dir`: Pact merges into an existing file, and a failed run must leave the committed
 * file as it was.
 */
export async function generatePacts(
  dir: string,
  interactions: readonly ConsumerInteraction[] = CONSUMER_INTERACTIONS,
): Promise<GeneratedPact> {
  const scratch = mkdtempSync(join(tmpdir(), 'import-harness-pacts-'));
  try {
    const pact = createConsumerPact(scratch);
    for (const interaction of interactions) {
      await recordInteraction(pact, interaction).catch((cause: unknown) => {
        if (cause instanceof ContractExpectationError) throw cause;
        const message = cause instanceof Error ? cause.message : String(cause);
        throw new ContractExpectationError(
          `Interaction "${interaction.description}" failed against Pact's mock provider: ${message}`,
          { cause },
        );
      });
    }

    mkdirSync(dir, { recursive: true });
    const file = join(dir, PACT_FILE_NAME);
    renameOrCopy(join(scratch, PACT_FILE_NAME), file);
    return { file, interactions: interactions.length };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

function renameOrCopy(from: string, to: string): void {
  try {
    renameSync(from, to);
  } catch {
    // The temporary folder is on another file system: copy instead.
    copyFileSync(from, to);
  }
}
