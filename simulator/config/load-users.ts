import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { ConfigError } from '../../errors/config-error.js';
import type { SimulatorUser } from '../simulator-options.js';

const usersFile = z.strictObject({
  tokenTtlMs: z.number().int().positive().optional(),
  users: z
    .array(
      z.strictObject({
        username: z.string().min(1),
        password: z.string().min(1),
        tenants: z.array(z.string().min(1)).min(1),
      }),
    )
    .min(1),
});

/** What a users file configures: the users, and optionally how long their tokens last. */
export interface UsersConfig {
  readonly users: readonly SimulatorUser[];
  readonly tokenTtlMs?: number;
}

/**
 * Reads a users file (`serve --users FILE`): a JSON object
 * `{"tokenTtlMs"?: N, "users": [{"username", "password", "tenants": ["MB", …] | ["*"]}]}`.
 * Every user names the tenants it may access; `*` stands for every tenant.
 */
export function loadUsers(file: string): UsersConfig {
  // Step 1: the file must be readable JSON.
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(file, 'utf8'));
  } catch (cause) {
    throw new ConfigError(
      `Cannot read the users file ${file}: ${cause instanceof Error ? cause.message : String(cause)}. ` +
        `It must be a JSON object such as ${EXAMPLE}.`,
      { cause },
    );
  }

  // Step 2: its shape, every problem at once.
  const parsed = usersFile.safeParse(value);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .map((issue) => `${issue.path.join('.') || '(top level)'}: ${issue.message}`)
      .join('; ');
    throw new ConfigError(`Invalid users file ${file}: ${problems}. Example: ${EXAMPLE}.`);
  }

  // Step 3: a name may appear once, or logging in would be ambiguous.
  const seen = new Set<string>();
  for (const user of parsed.data.users) {
    if (seen.has(user.username)) {
      throw new ConfigError(
        `Invalid users file ${file}: username ${JSON.stringify(user.username)} appears twice.`,
      );
    }
    seen.add(user.username);
  }
  return parsed.data.tokenTtlMs === undefined
    ? { users: parsed.data.users }
    : { users: parsed.data.users, tokenTtlMs: parsed.data.tokenTtlMs };
}

const EXAMPLE =
  '{"users": [{"username": "ops", "password": "s3cret", "tenants": ["MB"]}], ' +
  '"tokenTtlMs": 3600000}';
