import { NO_PAINT, type Paint } from '../../scenarios/report/format-human.js';
import type { InteractionOutcome } from './verification-report.js';
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
