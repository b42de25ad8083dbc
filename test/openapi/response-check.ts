/**
 * Checks every answer a test receives from a local simulator against the description:
 * `fetch` is wrapped once, so answers read through the typed clients and through raw requests
 * alike are checked. Drift is collected and handed to the test's `afterEach`, which fails.
 */
import { describeSimulator, loadOpenApiDescription } from '../../api/openapi.js';
import { ResponseValidator } from './response-validator.js';

/** An answer that is not what the description says, with every problem found. */
export interface Drift {
  readonly request: string;
  readonly status: number;
  readonly problems: readonly string[];
}

export interface ResponseCheck {
  /** The drift seen since the last call; clears it. */
  take(): Drift[];
  /** Judges a simulator's answers by what it serves: without the control API if it has none. */
  watch(url: string, options: { readonly controlApi: boolean }): void;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** Kept on the global object, as `fetch` is: a module evaluated twice must not wrap twice. */
const INSTALLED = Symbol.for('import-harness.response-check');

/** Wraps `fetch` once and returns the drift collector. */
export function installResponseCheck(): ResponseCheck {
  const holder = globalThis as { [INSTALLED]?: ResponseCheck };
  const existing = holder[INSTALLED];
  if (existing !== undefined) return existing;

  const full = new ResponseValidator(loadOpenApiDescription());
  const bare = new ResponseValidator(
    describeSimulator(loadOpenApiDescription(), { controlApi: false }),
  );
  const byOrigin = new Map<string, ResponseValidator>();
  let drift: Drift[] = [];
  const original = globalThis.fetch;

  globalThis.fetch = async (input, init) => {
    const response = await original(input, init);
    const request = input instanceof Request ? input : null;
    const url = new URL(request?.url ?? (input instanceof URL ? input.href : input));
    // Only the simulators the tests start are described; nothing else is judged.
    if (!LOOPBACK.has(url.hostname)) return response;

    const validator = byOrigin.get(url.origin) ?? full;
    const method = (init?.method ?? request?.method ?? 'GET').toUpperCase();
    const text = await response.clone().text();
    const problems = safely(() =>
      validator.check({
        method,
        path: url.pathname,
        status: response.status,
        contentType: response.headers.get('content-type'),
        text,
      }),
    );
    if (problems.length > 0) {
      drift.push({ request: `${method} ${url.pathname}`, status: response.status, problems });
    }
    return response;
  };

  const check: ResponseCheck = {
    take: () => {
      const seen = drift;
      drift = [];
      return seen;
    },
    watch: (url, options) => {
      byOrigin.set(new URL(url).origin, options.controlApi ? full : bare);
    },
  };
  holder[INSTALLED] = check;
  return check;
}

/** A check that fails to run is drift too: reported with the test, not as a network error. */
function safely(check: () => string[]): string[] {
  try {
    return check();
  } catch (error) {
    return [`the response check failed: ${error instanceof Error ? error.message : String(error)}`];
  }
}
