import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ScenarioContent } from '../format/scenario-schema.js';
import { suffixKeysInBytes, suffixKeysInText, suffixKeysInValue } from './key-suffix.js';

/** Replaces every `{run}` in a string with the run id. */
export function withRunId(text: string, runId: string): string {
  return text.replaceAll('{run}', runId);
}

/** Replaces `{run}` in every string of a JSON value. */
export function withRunIdDeep<T>(value: T, runId: string): T {
  if (typeof value === 'string') return withRunId(value, runId) as T;
  if (Array.isArray(value)) return value.map((item: unknown) => withRunIdDeep(item, runId)) as T;
  if (typeof value === 'object' && value !== null) {
    const copy: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) copy[key] = withRunIdDeep(item, runId);
    return copy as T;
  }
  return value;
}

/** The bytes a content block stands for, the scenario's key suffix added and `{run}` replaced. */
export function contentBytes(
  content: ScenarioContent,
  dir: string,
  runId: string,
  keySuffix = '',
): Uint8Array {
  if (content.file !== undefined) {
    const bytes = suffixKeysInBytes(readFileSync(resolve(dir, content.file)), keySuffix);
    // Only text that is valid UTF-8 is rewritten; other bytes are sent exactly as stored.
    const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
    return text.includes('{run}') ? new TextEncoder().encode(withRunId(text, runId)) : bytes;
  }
  if (content.text !== undefined) {
    return new TextEncoder().encode(withRunId(suffixKeysInText(content.text, keySuffix), runId));
  }
  const json = suffixKeysInValue(content.json, keySuffix);
  return new TextEncoder().encode(JSON.stringify(withRunIdDeep(json, runId)));
}

/** The JSON document a content block stands for (H-8 uploads). */
export function contentDocument(
  content: ScenarioContent,
  dir: string,
  runId: string,
  keySuffix = '',
): unknown {
  if (content.json !== undefined) {
    return withRunIdDeep(suffixKeysInValue(content.json, keySuffix), runId);
  }
  const text = new TextDecoder().decode(contentBytes(content, dir, runId, keySuffix));
  return JSON.parse(text) as unknown;
}
