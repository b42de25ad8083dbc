import { z } from 'zod';
import type { StateRecord } from './state-change-server.js';
import type { LocalInteraction } from './pact-sources.js';

/** What became of one interaction on this provider. */
export interface InteractionOutcome {
  /** The consumer whose pact holds it, when known. */
  readonly consumer: string | null;
  readonly description: string;
  readonly outcome: 'passed' | 'failed' | 'not-verifiable';
  /** A failure of a pending pact (broker) does not fail the run. */
  readonly pending: boolean;
  /** As the verifier measured it, e.g. `38ms`. */
  readonly duration: string | null;
  /** Why it failed or could not be verified, in one sentence. */
  readonly reason: string | null;
  /** One line per difference: where, and what the verifier saw. */
  readonly mismatches: readonly string[];
}

const mismatchSchema = z.looseObject({
  type: z.string().optional(),
  path: z.string().optional(),
  mismatch: z.string().optional(),
});
const errorSchema = z.object({
  interaction: z.string(),
  mismatch: z.looseObject({
    type: z.string().optional(),
    message: z.string().optional(),
    mismatches: z.array(mismatchSchema).optional(),
  }),
});
const reportSchema = z.looseObject({
  result: z.boolean(),
  interactionResults: z
    .array(
      z.looseObject({
        description: z.string(),
        duration: z.string().optional(),
        result: z.string(),
      }),
    )
    .default([]),
  errors: z.array(errorSchema).default([]),
  pendingErrors: z.array(errorSchema).default([]),
});

export interface VerificationReport {
  readonly interactions: InteractionOutcome[];
  /** Failures outside any interaction, e.g. a pact that could not be loaded. */
  readonly failures: string[];
}

type VerifierError = z.infer<typeof errorSchema> & { readonly pending: boolean };

/**
 * Turns the verifier's JSON report into one outcome per interaction. A failed state set-up
 * is matched to its interaction by order (the verifier stops an interaction at its first
 * failed state), and a state that needs a simulator makes the interaction not verifiable.
 */
export function readVerificationReport(
  json: string,
  records: readonly StateRecord[],
  local: readonly LocalInteraction[],
): VerificationReport {
  const report = reportSchema.parse(JSON.parse(json));
  const errors: VerifierError[] = [
    ...report.errors.map((error) => ({ ...error, pending: false })),
    ...report.pendingErrors.map((error) => ({ ...error, pending: true })),
  ];
  const failedSetUps = records.filter(
    (record) => record.action === 'setup' && record.outcome !== 'ok',
  );
  const unusedLocal = [...local];
  const outcomes: InteractionOutcome[] = [];

  for (const result of report.interactionResults) {
    // Step 1: whose interaction it is, from the local pacts or the verifier's failure text.
    const known = take(unusedLocal, (item) => item.description === result.description);
    const base = { description: result.description, duration: result.duration ?? null };
    if (result.result.toLowerCase() === 'ok') {
      outcomes.push({
        ...base,
        consumer: known?.consumer ?? null,
        outcome: 'passed',
        pending: false,
        reason: null,
        mismatches: [],
      });
      continue;
    }
    const error =
      take(errors, (item) => item.interaction.endsWith(` - ${result.description}`)) ??
      take(errors, () => true);
    const consumer = known?.consumer ?? consumerOf(error?.interaction) ?? null;

    // Step 2: a failed state set-up says why; one that needs a simulator is not a failure.
    if (error !== undefined && isStateFailure(error)) {
      const names = givenStates(error.interaction, result.description);
      const record =
        take(failedSetUps, (item) => names.includes(item.state)) ?? failedSetUps.shift();
      const notVerifiable = record?.outcome === 'needs-simulator';
      outcomes.push({
        ...base,
        consumer,
        outcome: notVerifiable ? 'not-verifiable' : 'failed',
        pending: error.pending,
        reason:
          record === undefined
            ? (error.mismatch.message ?? 'a provider state failed')
            : describeRecord(record),
        mismatches: [],
      });
      continue;
    }

    // Step 3: the answer differed from the contract.
    outcomes.push({
      ...base,
      consumer,
      outcome: 'failed',
      pending: error?.pending ?? false,
      reason: error?.mismatch.message ?? 'the answer differs from the contract',
      mismatches: (error?.mismatch.mismatches ?? []).map(
        (item) => `${item.path ?? item.type ?? 'answer'}: ${item.mismatch ?? 'differs'}`,
      ),
    });
  }

  // What is left failed outside any interaction, e.g. a pact that could not be loaded.
  const failures = errors.map((error) =>
    error.mismatch.message === undefined
      ? error.interaction
      : `${error.interaction}: ${error.mismatch.message}`,
  );
  return { interactions: outcomes, failures };
}

function isStateFailure(error: VerifierError): boolean {
  return /state change/i.test(error.mismatch.message ?? '');
}

function describeRecord(record: StateRecord): string {
  const params = Object.keys(record.params).length === 0 ? '' : ` ${JSON.stringify(record.params)}`;
  const state = `state "${record.state}"${params}`;
  const message = record.message ?? 'failed';
  return record.outcome === 'needs-simulator' ? `${message} (${state})` : `${state}: ${message}`;
}

/** `… Given A And B - description` names the states of the interaction. */
function givenStates(interaction: string, description: string): string[] {
  const suffix = ` - ${description}`;
  const head = interaction.endsWith(suffix) ? interaction.slice(0, -suffix.length) : interaction;
  const given = / Given (.+)$/.exec(head)?.[1];
  return given === undefined ? [] : given.split(' And ');
}

/** `Verifying a pact between C and P Given … - description` names the consumer C. */
function consumerOf(interaction: string | undefined): string | undefined {
  return /^Verifying a pact between (.+?) and /.exec(interaction ?? '')?.[1];
}

/** Removes and returns the first item that matches. */
function take<T>(items: T[], matches: (item: T) => boolean): T | undefined {
  const index = items.findIndex(matches);
  return index === -1 ? undefined : items.splice(index, 1)[0];
}

/** A provider state as a pact names it, with its parameters. */
export interface PactProviderState {
  readonly name: string;
  readonly params: Readonly<Record<string, unknown>>;
}

/** An interaction as its pact file states it: whose, for which provider, from which states. */
export interface PactInteraction {
  readonly consumer: string;
  readonly provider: string | null;
  readonly description: string;
  readonly states: readonly PactProviderState[];
}

/** An outcome with what its pact file says of it; nothing known for a pact from elsewhere. */
export interface DescribedOutcome extends InteractionOutcome {
  /** Found in a local pact file: the consumer, provider and states are the file's. */
  readonly pact: PactInteraction | null;
}

const pactFileSchema = z.looseObject({
  consumer: z.looseObject({ name: z.string() }),
  provider: z.looseObject({ name: z.string() }).optional(),
  interactions: z.array(
    z.looseObject({
      description: z.string(),
      // Pact V3 and later: a list with parameters; V2: one state by name.
      providerStates: z
        .array(
          z.looseObject({
            name: z.string(),
            params: z.record(z.string(), z.unknown()).optional(),
          }),
        )
        .optional(),
      providerState: z.string().optional(),
    }),
  ),
});

/** The interactions of a parsed pact file, with their states; none for what is not a pact. */
export function pactInteractionsOf(pact: unknown): PactInteraction[] {
  const parsed = pactFileSchema.safeParse(pact);
  if (!parsed.success) return [];
  const { consumer, provider, interactions } = parsed.data;
  return interactions.map((interaction) => ({
    consumer: consumer.name,
    provider: provider?.name ?? null,
    description: interaction.description,
    states:
      interaction.providerStates?.map((state) => ({
        name: state.name,
        params: state.params ?? {},
      })) ??
      (interaction.providerState === undefined
        ? []
        : [{ name: interaction.providerState, params: {} }]),
  }));
}

/**
 * Pairs each outcome with its interaction in the local pact files, by consumer and
 * description, in order, as the verifier runs them.
 */
export function describeOutcomes(
  outcomes: readonly InteractionOutcome[],
  pacts: readonly PactInteraction[],
): DescribedOutcome[] {
  const unused = [...pacts];
  return outcomes.map((outcome) => {
    const pact =
      take(
        unused,
        (item) =>
          item.description === outcome.description &&
          (outcome.consumer === null || item.consumer === outcome.consumer),
      ) ?? null;
    return { ...outcome, pact };
  });
}
