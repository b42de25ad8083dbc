/**
 * A scenario's `keySuffix`: appended to every entity key and reference of the files it imports
 * and to every key its expectations name, so that documented files stay as documented and
 * still never meet the entities an earlier scenario or an earlier run created.
 */
import { ENTITY_REFERENCES } from '../../model/entity-reference.js';
import { ENTITY_TYPE_INFO } from '../../model/entity-types.js';
import type { Scenario, ScenarioStep } from '../format/scenario-schema.js';

/** The fields holding an entity's key or the key of the entity it refers to. */
const KEY_FIELDS: ReadonlySet<string> = new Set([
  ...Object.values(ENTITY_TYPE_INFO).map((info) => info.keyField),
  ...Object.values(ENTITY_REFERENCES).map((reference) => reference.field),
]);

/** `"externalPersonId": "P-1"` and the like, with a non-empty string value. */
const KEY_MEMBER = new RegExp(
  `("(?:${[...KEY_FIELDS].join('|')})"\\s*:\\s*")((?:[^"\\\\]|\\\\.)+)"`,
  'g',
);

/** JSON text with the suffix on every key and reference; every other byte stays as it is. */
export function suffixKeysInText(text: string, suffix: string): string {
  if (suffix === '') return text;
  const escaped = JSON.stringify(suffix).slice(1, -1);
  return text.replace(
    KEY_MEMBER,
    (_member, head: string, key: string) => `${head}${key}${escaped}"`,
  );
}

/**
 * File bytes with the suffix on every key and reference. Only valid UTF-8 is rewritten (byte
 * order mark included); other bytes are what a technical scenario sends, exactly as stored.
 */
export function suffixKeysInBytes(bytes: Uint8Array, suffix: string): Uint8Array {
  if (suffix === '') return bytes;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return bytes;
  }
  const suffixed = suffixKeysInText(text, suffix);
  return suffixed === text ? bytes : new TextEncoder().encode(suffixed);
}

/** A JSON value (inline `json:` content) with the suffix on every key and reference. */
export function suffixKeysInValue<T>(value: T, suffix: string): T {
  if (suffix === '' || typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value))
    return value.map((item: unknown) => suffixKeysInValue(item, suffix)) as T;
  const copy: Record<string, unknown> = {};
  for (const [name, item] of Object.entries(value)) {
    copy[name] = isKey(name, item) ? `${item}${suffix}` : suffixKeysInValue(item, suffix);
  }
  return copy as T;
}

/**
 * The scenario with the suffix on the keys it names: fault rules, expected errors (the key,
 * and the value of an error on a key or reference field) and created entities.
 */
export function suffixKeysInScenario(scenario: Scenario): Scenario {
  const suffix = scenario.keySuffix;
  if (suffix === undefined || suffix === '') return scenario;
  const faults = scenario.faults?.map((rule) =>
    rule.match?.key === undefined
      ? rule
      : { ...rule, match: { ...rule.match, key: `${rule.match.key}${suffix}` } },
  );
  return {
    ...scenario,
    ...(faults === undefined ? {} : { faults }),
    steps: scenario.steps.map((step) => suffixKeysInStep(step, suffix)),
  };
}

/** A documented status response with the suffix on the keys its validation errors echo. */
export function suffixKeysInStatus(
  status: Record<string, unknown>,
  suffix: string | undefined,
): Record<string, unknown> {
  const items = status['validationErrors'];
  if (suffix === undefined || suffix === '' || !Array.isArray(items)) return status;
  const validationErrors = items.map((item: Record<string, unknown>) => {
    const source = item['source'] as Record<string, unknown> | null | undefined;
    const fieldName = item['fieldName'];
    return {
      ...item,
      ...(typeof source?.['sourceRef'] === 'string'
        ? { source: { ...source, sourceRef: `${source['sourceRef']}${suffix}` } }
        : {}),
      ...(typeof fieldName === 'string' && isKey(fieldName, item['errorValue'])
        ? { errorValue: `${String(item['errorValue'])}${suffix}` }
        : {}),
    };
  });
  return { ...status, validationErrors };
}

function suffixKeysInStep(step: ScenarioStep, suffix: string): ScenarioStep {
  if ('check' in step && step.check.errors !== undefined) {
    const errors = step.check.errors.map((error) => ({
      ...error,
      key: `${error.key}${suffix}`,
      ...(typeof error.field === 'string' && isKey(error.field, error.value)
        ? { value: `${String(error.value)}${suffix}` }
        : {}),
    }));
    return { check: { ...step.check, errors } };
  }
  if ('created' in step) {
    const entities = Object.fromEntries(
      Object.entries(step.created.entities).map(([type, keys]) => [
        type,
        keys?.map((key) => `${key}${suffix}`),
      ]),
    );
    return { created: { ...step.created, entities } };
  }
  return step;
}

function isKey(field: string, value: unknown): value is string {
  return KEY_FIELDS.has(field) && typeof value === 'string' && value !== '';
}
