import { parseArgs } from 'node:util';
import { UsageError } from '../../errors/usage-error.js';
import { loadReferenceData } from '../../simulator/config/load-reference-data.js';
import type { Pace } from '../../simulator/simulator-options.js';
import { startSimulator } from '../../simulator/start-simulator.js';
import type { CliIo } from '../cli-io.js';

/** Serving defaults: a realistic pace, unlike replays, which run at `instant`. */
export const SERVE_DEFAULTS = { host: '127.0.0.1', port: 4010, pace: 250 } as const;

/** `import-harness serve [--host H] [--port N] [--pace P] [--reference-data FILE] …` */
export async function serveCommand(args: readonly string[], io: CliIo): Promise<number> {
  // Step 1: every option is checked before the port is opened.
  const { values } = parseArgs({
    args: [...args],
    options: {
      host: { type: 'string' },
      port: { type: 'string' },
      pace: { type: 'string' },
      'reference-data': { type: 'string' },
      'discard-from-failed': { type: 'string' },
      'same-file-references': { type: 'boolean' },
      'no-unique-source-ref': { type: 'boolean' },
      'max-body-bytes': { type: 'string' },
      'no-control-api': { type: 'boolean' },
    },
  });
  const port = parseWhole('--port', values.port, SERVE_DEFAULTS.port, 65_535);
  const pace = parsePace(values.pace);
  const discard = values['discard-from-failed'];
  if (discard !== undefined && discard !== 'keep-created' && discard !== 'rollback') {
    throw new UsageError(
      `--discard-from-failed must be keep-created or rollback; got ${JSON.stringify(discard)}.`,
    );
  }

  // Step 2: start, say where, and wait for a stop signal.
  const simulator = await startSimulator({
    host: values.host ?? SERVE_DEFAULTS.host,
    port,
    pace,
    ...(discard === undefined ? {} : { discardFromFailed: discard }),
    sameFileReferences: values['same-file-references'] ?? false,
    uniqueSourceRef: !(values['no-unique-source-ref'] ?? false),
    ...(values['reference-data'] === undefined
      ? {}
      : { referenceData: loadReferenceData(values['reference-data']) }),
    ...(values['max-body-bytes'] === undefined
      ? {}
      : {
          maxBodyBytes: parseWhole(
            '--max-body-bytes',
            values['max-body-bytes'],
            0,
            Number.MAX_SAFE_INTEGER,
          ),
        }),
    controlApi: !(values['no-control-api'] ?? false),
    onInternalError: (error) => io.stderr.write(`[sim] internal error: ${String(error)}\n`),
  });
  io.stdout.write(
    `import-harness simulator listening on ${simulator.url} (pace ${String(pace)})\n`,
  );

  await new Promise<void>((resolve) => {
    if (io.signal === undefined || io.signal.aborted) return resolve();
    io.signal.addEventListener('abort', () => resolve(), { once: true });
  });
  await simulator.close();
  io.stdout.write('import-harness simulator stopped\n');
  return 0;
}

function parsePace(value: string | undefined): Pace {
  if (value === undefined) return SERVE_DEFAULTS.pace;
  if (value === 'instant' || value === 'step') return value;
  if (/^\d+$/.test(value)) return Number(value);
  throw new UsageError(
    `--pace must be instant, step or a number of milliseconds per transition; got ${JSON.stringify(value)}.`,
  );
}

function parseWhole(
  flag: string,
  value: string | undefined,
  fallback: number,
  max: number,
): number {
  if (value === undefined) return fallback;
  if (/^\d+$/.test(value) && Number(value) <= max) return Number(value);
  throw new UsageError(
    `${flag} must be a whole number from 0 to ${max}; got ${JSON.stringify(value)}.`,
  );
}
