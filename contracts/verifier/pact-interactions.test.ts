import { describe, expect, it } from 'vitest';
import {
  describeOutcomes,
  pactInteractionsOf,
  type InteractionOutcome,
} from './verification-report.js';

function outcome(consumer: string | null, description: string): InteractionOutcome {
  return {
    consumer,
    description,
    outcome: 'passed',
    pending: false,
    duration: null,
    reason: null,
    mismatches: [],
  };
}

describe('pactInteractionsOf', () => {
  it('reads the consumer, provider, description and provider states with their parameters', () => {
    const pact = {
      consumer: { name: 'dashboard' },
      provider: { name: 'tuum-data-import-api' },
      interactions: [
        {
          description: 'a read',
          providerStates: [
            { name: 'an import process exists in status', params: { status: 'DONE' } },
          ],
        },
        { description: 'a login' },
      ],
    };

    expect(pactInteractionsOf(pact)).toEqual([
      {
        consumer: 'dashboard',
        provider: 'tuum-data-import-api',
        description: 'a read',
        states: [{ name: 'an import process exists in status', params: { status: 'DONE' } }],
      },
      {
        consumer: 'dashboard',
        provider: 'tuum-data-import-api',
        description: 'a login',
        states: [],
      },
    ]);
  });

  it('reads the single provider state of a Pact V2 file', () => {
    const pact = {
      consumer: { name: 'old' },
      interactions: [{ description: 'a read', providerState: 'a user exists' }],
    };

    expect(pactInteractionsOf(pact)).toEqual([
      {
        consumer: 'old',
        provider: null,
        description: 'a read',
        states: [{ name: 'a user exists', params: {} }],
      },
    ]);
  });

  it('reads nothing from what is not a pact', () => {
    expect(pactInteractionsOf({ interactions: [] })).toEqual([]);
    expect(pactInteractionsOf('text')).toEqual([]);
  });
});

describe('describeOutcomes', () => {
  const pacts = pactInteractionsOf({
    consumer: { name: 'dashboard' },
    interactions: [
      { description: 'a read', providerStates: [{ name: 'first' }] },
      { description: 'a read', providerStates: [{ name: 'second' }] },
    ],
  });

  it('pairs outcomes of the same description with the pact interactions in order', () => {
    const described = describeOutcomes(
      [outcome('dashboard', 'a read'), outcome('dashboard', 'a read')],
      pacts,
    );

    expect(described.map((item) => item.pact?.states[0]?.name)).toEqual(['first', 'second']);
  });

  it('pairs nothing with an interaction of another consumer or none of the files', () => {
    const described = describeOutcomes(
      [outcome('mobile', 'a read'), outcome(null, 'a write')],
      pacts,
    );

    expect(described.map((item) => item.pact)).toEqual([null, null]);
  });
});
