import type { EntityType } from './entity-types.js';
import type { ImportEntity } from './import-process.js';

/**
 * A rule that makes the target API refuse sends of matching entities at dispatch time
 * (section 10): the first N matching sends, or every one.
 */
export interface FaultRule {
  readonly id: string;
  readonly match: { readonly type?: EntityType; readonly key?: string };
  readonly refuse: 'every' | { readonly first: number };
  /** Matching sends seen so far, refused or not. */
  readonly sends: number;
}

export function faultRuleMatches(rule: FaultRule, entity: ImportEntity): boolean {
  if (rule.match.type !== undefined && rule.match.type !== entity.type) return false;
  if (rule.match.key !== undefined && rule.match.key !== entity.key) return false;
  return true;
}

/** Whether the send numbered `sendNumber` (1-based) of a matching entity is refused. */
export function faultRuleRefuses(rule: FaultRule, sendNumber: number): boolean {
  return rule.refuse === 'every' || sendNumber <= rule.refuse.first;
}
