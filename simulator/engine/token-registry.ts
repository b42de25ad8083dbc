import { randomUUID } from 'node:crypto';
import type { Clock } from './clock.js';
import type { SimulatorUser } from '../simulator-options.js';

/**
 * Tokens for `x-auth-token`. Without configured users any non-empty token is accepted, as
 * the reference says; with users, only unexpired tokens issued by H-7 are.
 */
export class TokenRegistry {
  readonly #users: readonly SimulatorUser[] | null;
  readonly #ttlMs: number;
  readonly #clock: Clock;
  readonly #issued = new Map<string, number>();

  constructor(users: readonly SimulatorUser[] | null, ttlMs: number, clock: Clock) {
    this.#users = users;
    this.#ttlMs = ttlMs;
    this.#clock = clock;
  }

  get usersConfigured(): boolean {
    return this.#users !== null;
  }

  /** H-7: a token for the user, or null when the credentials are wrong. */
  issue(username: string, password: string): string | null {
    if (this.#users !== null) {
      const user = this.#users.find((candidate) => candidate.username === username);
      if (user === undefined || user.password !== password) return null;
    }
    const token = randomUUID();
    if (this.#users !== null) {
      this.#dropExpired();
      this.#issued.set(token, this.#clock.now() + this.#ttlMs);
    }
    return token;
  }

  accepts(token: string): boolean {
    if (this.#users === null) return token !== '';
    const expiry = this.#issued.get(token);
    return expiry !== undefined && expiry > this.#clock.now();
  }

  #dropExpired(): void {
    const now = this.#clock.now();
    for (const [token, expiry] of this.#issued) if (expiry <= now) this.#issued.delete(token);
  }
}
