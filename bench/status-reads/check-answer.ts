import { isDeepStrictEqual } from 'node:util';
import { answerHeaders, type CapturedRead } from './seed-processes.js';
import type { Target } from './start-targets.js';

/** What one target answers to one read, next to what the simulator answered. */
export interface AnswerCheck {
  readonly target: string;
  readonly read: string;
  readonly status: number;
  readonly bytes: number;
  /** `identical bytes`, `same JSON, other bytes`, or `differs: …`. */
  readonly verdict: string;
  readonly headers: Readonly<Record<string, string>>;
}

/**
 * Reads a status once from a target, so that the figures compare servers that answer the
 * same thing: a target with another answer would be measured doing other work.
 */
export async function checkAnswer(target: Target, read: CapturedRead): Promise<AnswerCheck> {
  const response = await fetch(`${target.baseUrl}${read.path}`, {
    headers: target.headers(read.read),
  });
  const body = Buffer.from(await response.arrayBuffer());
  return {
    target: target.name,
    read: read.read,
    status: response.status,
    bytes: body.length,
    verdict: verdict(response.status, body, read.body),
    headers: answerHeaders(response.headers),
  };
}

function verdict(status: number, body: Buffer, expected: Buffer): string {
  if (status !== 200) return `differs: status ${status}, ${body.toString('utf8').slice(0, 300)}`;
  if (body.equals(expected)) return 'identical bytes';
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch {
    return `differs: not JSON: ${body.toString('utf8').slice(0, 300)}`;
  }
  return isDeepStrictEqual(parsed, JSON.parse(expected.toString('utf8')))
    ? 'same JSON, other bytes'
    : `differs: other JSON (${body.length} bytes): ${body.toString('utf8').slice(0, 300)}`;
}
