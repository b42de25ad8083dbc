import { parseArgs } from 'node:util';
import { PACTS_DIR } from '../../contracts/contract-names.js';
import { ContractExpectationError } from '../../contracts/errors/contract-expectation-error.js';
import type { CliIo } from '../cli-io.js';
import { assertFolderOption } from '../folder-option.js';

/** `import-harness contracts [--pact-dir DIR]`: regenerates the consumer's pact file. */
export async function contractsCommand(args: readonly string[], io: CliIo): Promise<number> {
  // Step 1: where to write; the committed pacts/ by default.
  const { values } = parseArgs({ args: [...args], options: { 'pact-dir': { type: 'string' } } });
  const dir = values['pact-dir'] ?? PACTS_DIR;
  assertFolderOption('--pact-dir', dir);

  // Step 2: play every interaction against Pact's mock provider; a failing one is named.
  try {
    // Pact loads in half a second: only this command pays for it, not every CLI start.
    const { generatePacts } = await import('../../contracts/consumer/generate-pacts.js');
    const pact = await generatePacts(dir);
    io.stdout.write(`Wrote ${pact.interactions} interactions to ${pact.file}\n`);
    return 0;
  } catch (error) {
    if (!(error instanceof ContractExpectationError)) throw error;
    io.stderr.write(`import-harness contracts: ${error.message}\n`);
    return 1;
  }
}
