import { randomUUID } from 'node:crypto';
import {
  userMayAccess,
  type ResolvedSimulatorOptions,
  type SimulatorUser,
} from '../simulator-options.js';
import type { Clock } from './clock.js';

/** Who sent a request, as far as the simulator cares: which tenants they may see. */
export interface Principal {
  /** The user the token was issued to; null without configured users. */
  readonly username: string | null;
  mayAccess(tenant: string): boolean;
}

/** Without configured users every non-empty token stands for someone who may see all. */
export const ANYONE: Principal = { username: null, mayAccess: () => true };

interface IssuedToken {
  readonly user: SimulatorUser;
  readonly expiresAt: number;
}

/**
 * Tokens for `x-auth-token`. Without configured users any non-empty token is accepted, as
 * the reference says, and nothing is remembered; with users, only unexpired tokens issued by
 * H-7 are, each standing for its user. At most `maxTokens` are remembered: past that the
 * oldest is forgotten, and its holder must log in again.
 */
export class TokenRegistry {
  readonly #users: readonly SimulatorUser[] | null;
  readonly #ttlMs: number;
  readonly #maxTokens: number;
  readonly #clock: Clock;
  /** In the order of issue, which is also the order of expiry. */
  readonly #issued = new Map<string, IssuedToken>();

  constructor(
    options: Pick<ResolvedSimulatorOptions, 'users' | 'tokenTtlMs' | 'maxTokens' | 'clock'>,
  ) {
    this.#users = options.users;
    this.#ttlMs = options.tokenTtlMs;
    this.#maxTokens = options.maxTokens;
    this.#clock = options.clock;
  }

  get usersConfigured(): boolean {
    return this.#users !== null;
  }

  /** How many issued tokens are remembered. */
  get size(): number {
    return this.#issued.size;
  }

  /** H-7: a token for the user, or null when the credentials are wrong. */
  issue(username: string, password: string): string | null {
    const token = randomUUID();
    if (this.#users === null) return token;

    const user = this.#users.find((candidate) => candidate.username === username);
    if (user === undefined || user.password !== password) return null;

    // Expired tokens go first; if the registry is still full, the oldest valid one goes.
    this.#dropExpired();
    while (this.#issued.size >= this.#maxTokens) {
      const oldest = this.#issued.keys().next();
      if (oldest.done === true) break;
      this.#issued.delete(oldest.value);
    }
    this.#issued.set(token, { user, expiresAt: this.#clock.now() + this.#ttlMs });
    return token;
  }

  /** The principal a token stands for, or null when it is not accepted. */
  principal(token: string): Principal | null {
    if (token === '') return null;
    if (this.#users === null) return ANYONE;

    const issued = this.#issued.get(token);
    if (issued === undefined) return null;
    if (issued.expiresAt <= this.#clock.now()) {
      this.#issued.delete(token);
      return null;
    }
    const user = issued.user;
    return { username: user.username, mayAccess: (tenant) => userMayAccess(user, tenant) };
  }

  accepts(token: string): boolean {
    return this.principal(token) !== null;
  }

  /** Forgets every issued token. */
  clear(): void {
    this.#issued.clear();
  }

  #dropExpired(): void {
    const now = this.#clock.now();
    for (const [token, issued] of this.#issued) {
      // Tokens expire in the order they were issued: the first valid one ends the sweep.
      if (issued.expiresAt > now) break;
      this.#issued.delete(token);
    }
  }
}
