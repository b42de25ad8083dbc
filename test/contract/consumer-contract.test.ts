import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { comparablePact } from '../../contracts/consumer/comparable-pact.js';
import { CONSUMER_INTERACTIONS } from '../../contracts/consumer/consumer-interactions.js';
import { createConsumerPact } from '../../contracts/consumer/generate-pacts.js';
import { recordInteraction } from '../../contracts/consumer/record-interaction.js';
import { PACT_FILE_NAME, PACTS_DIR } from '../../contracts/contract-names.js';

// Every interaction is played in order into a fresh folder; the last test compares the
// pact file they wrote with the committed one.
const dir = mkdtempSync(join(tmpdir(), 'import-harness-consumer-'));
const pact = createConsumerPact(dir);

describe('the consumer contract of the typed client', () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each(CONSUMER_INTERACTIONS.map((interaction) => [interaction.description, interaction]))(
    'the client sends %s and reads the answer the contract promises',
    async (_description, interaction) => {
      await recordInteraction(pact, interaction);
    },
  );

  it('writes the committed pact file, apart from the Pact library versions', () => {
    const generated = readFileSync(join(dir, PACT_FILE_NAME), 'utf8');
    const committed = readFileSync(join(PACTS_DIR, PACT_FILE_NAME), 'utf8');

    expect(
      comparablePact(committed),
      `pacts/${PACT_FILE_NAME} is stale: run "npm run pacts:generate" and commit the result`,
    ).toEqual(comparablePact(generated));
  });
});
