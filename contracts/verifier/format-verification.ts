import { NO_PAINT, type Paint } from '../../scenarios/report/format-human.js';
import { formatJunitXml, type JunitCase } from '../../scenarios/report/junit-xml.js';
import { PROVIDER_NAME } from '../contract-names.js';
import {
  describeOutcomes,
  type DescribedOutcome,
  type InteractionOutcome,
  type PactInteraction,
  type PactProviderState,
} from './verification-report.js';
import type { VerificationSummary } from './verify-provider.js';

/** One line per interaction; a failure adds its reason and each mismatch. */
export function formatInteraction(item: InteractionOutcome, paint: Paint = NO_PAINT): string {
  const name = `${item.consumer === null ? '' : `${item.consumer}  `}${item.description}`;
  const time = item.duration === null ? '' : ` ${paint.dim(`(${item.duration})`)}`;
  if (item.outcome === 'passed') return `${paint.pass('✓')} ${name}${time}`;
  if (item.outcome === 'not-verifiable') {
    const why = `not verifiable on this provider: ${item.reason ?? ''}`;
    return `${paint.dim('-')} ${name} ${paint.dim(why)}`;
  }
  const pending = item.pending ? paint.dim(' (pending: does not fail the run)') : '';
  const lines = [`${paint.fail('✗')} ${name}${time}${pending}`];
  if (item.reason !== null) lines.push(`    ${item.reason}`);
  for (const mismatch of item.mismatches) lines.push(`    ${mismatch}`);
  return lines.join('\n');
}

/** The closing lines: the provider, the time, and the count line. */
export function formatVerificationSummary(summary: VerificationSummary): string {
  const { kind, url } = summary.provider;
  const provider =
    kind === 'embedded simulator'
      ? kind
      : `${url} (${kind === 'simulator' ? 'simulator with control API' : 'no control API'})`;
  return [
    '',
    `Provider: ${provider} · ${summary.durationMs} ms`,
    `${summary.passed} passed, ${summary.failed} failed, ${summary.notVerifiable} not verifiable`,
  ].join('\n');
}

/**
 * JUnit XML of a verification: one test case per interaction, its class the pact
 * (`consumer/provider`) and its name the description with the provider states. A failure
 * carries what the human report prints: the reason and each mismatch. Interactions that
 * could not be verified, and failures of pending pacts, are skipped with the reason.
 */
export function formatVerificationJunit(
  summary: VerificationSummary,
  pacts: readonly PactInteraction[] = [],
): string {
  return formatJunitXml({
    name: 'import-harness verify',
    durationMs: summary.durationMs,
    properties: [
      ['provider', summary.provider.url],
      ['provider kind', summary.provider.kind],
    ],
    cases: describeOutcomes(summary.interactions, pacts).map(interactionCase),
  });
}

function interactionCase(item: DescribedOutcome): JunitCase {
  const durationMs = parseDuration(item.duration);
  const base = {
    classname: pactName(item),
    name: interactionName(item),
    ...(durationMs === undefined ? {} : { durationMs }),
  };
  if (item.outcome === 'passed') return { ...base, outcome: { kind: 'passed' } };
  if (item.outcome === 'not-verifiable') {
    const message = `not verifiable on this provider: ${item.reason ?? ''}`;
    return { ...base, outcome: { kind: 'skipped', message } };
  }

  const text = [formatInteraction(item), ...givenLines(item)].join('\n');
  if (item.pending) {
    const message = 'failed, but the pact is pending: this does not fail the run';
    return { ...base, outcome: { kind: 'skipped', message, text } };
  }
  // A failure outside any interaction has only its description to say what went wrong.
  const message = item.reason ?? item.mismatches[0] ?? item.description;
  return { ...base, outcome: { kind: 'failed', message, type: 'ContractFailure', text } };
}

/**
 * The pact an interaction belongs to. Only a local pact file names it for every outcome;
 * for a pact from a broker or a URL the provider alone is used, so that an interaction
 * keeps its name in CI whether it passes or fails.
 */
function pactName(item: DescribedOutcome): string {
  if (item.pact !== null) return `${item.pact.consumer}/${item.pact.provider ?? PROVIDER_NAME}`;
  // A failure outside any interaction, such as a pact that could not be loaded.
  const outside =
    item.consumer === null &&
    item.duration === null &&
    item.reason === null &&
    item.mismatches.length === 0;
  if (outside) return 'import-harness.verify';
  return PROVIDER_NAME;
}

/** `description (given state {params} and state)`. */
function interactionName(item: DescribedOutcome): string {
  const states = item.pact?.states ?? [];
  if (states.length === 0) return item.description;
  return `${item.description} (given ${states.map(formatState).join(' and ')})`;
}

function givenLines(item: DescribedOutcome): string[] {
  return (item.pact?.states ?? []).map((state) => `    given: ${formatState(state)}`);
}

function formatState(state: PactProviderState): string {
  return Object.keys(state.params).length === 0
    ? state.name
    : `${state.name} ${JSON.stringify(state.params)}`;
}

/** Pact's durations read `38ms`, `1s 204ms` or `1.2s`; anything else is left unmeasured. */
export function parseDuration(text: string | null): number | undefined {
  if (text === null) return undefined;
  const units: Readonly<Record<string, number>> = {
    h: 3_600_000,
    m: 60_000,
    s: 1000,
    ms: 1,
    µs: 0.001,
    us: 0.001,
    ns: 0.000_001,
  };
  const parts = [...text.matchAll(/(\d+(?:\.\d+)?)(ms|µs|us|ns|h|m|s)/g)];
  if (parts.length === 0 || parts.map((part) => part[0]).join('') !== text.replace(/\s/g, '')) {
    return undefined;
  }
  return parts.reduce((total, [, value, unit]) => {
    return total + Number(value) * (units[unit ?? ''] ?? 0);
  }, 0);
}

/** Each interaction's outcome as JSON, for tools, with its pact and provider states. */
export function formatVerificationJson(
  summary: VerificationSummary,
  pacts: readonly PactInteraction[] = [],
): string {
  const report = {
    tool: 'import-harness',
    command: 'verify',
    provider: summary.provider,
    passed: summary.passed,
    failed: summary.failed,
    notVerifiable: summary.notVerifiable,
    durationMs: summary.durationMs,
    interactions: describeOutcomes(summary.interactions, pacts).map(({ pact, ...item }) => ({
      consumer: pact?.consumer ?? item.consumer,
      provider: pact === null ? null : (pact.provider ?? PROVIDER_NAME),
      description: item.description,
      states: pact?.states ?? null,
      outcome: item.outcome,
      pending: item.pending,
      duration: item.duration,
      durationMs: parseDuration(item.duration) ?? null,
      reason: item.reason,
      mismatches: item.mismatches,
    })),
  };
  return `${JSON.stringify(report, null, 2)}\n`;
}
