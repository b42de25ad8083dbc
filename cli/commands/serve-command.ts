import { parseArgs } from 'node:util';
import { UsageError } from '../../errors/usage-error.js';
import { loadReferenceData } from '../../simulator/config/load-reference-data.js';
import { loadUsers } from '../../simulator/config/load-users.js';
import { parseLimits } from '../../simulator/config/parse-limits.js';
import { createLogger, type LogFormat } from '../../simulator/logging/create-logger.js';
import { ANSI_LEVEL_PAINT } from '../../simulator/logging/format-pretty-line.js';
import { lineBatcher } from '../../simulator/logging/line-batcher.js';
import { isLogLevel, LOG_LEVELS, type LogLevel } from '../../simulator/logging/log-level.js';
import type { Pace } from '../../simulator/simulator-options.js';
import { startSimulator } from '../../simulator/start-simulator.js';
import { useColour, type CliIo } from '../cli-io.js';

/** Serving defaults: a realistic pace, unlike replays, which run at `instant`. */
export const SERVE_DEFAULTS = {
  host: '127.0.0.1',
  port: 4010,
  pace: 250,
  logLevel: 'info',
} as const;

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
      'memory-upload-bytes': { type: 'string' },
      'spool-dir': { type: 'string' },
      'no-control-api': { type: 'boolean' },
      'control-api': { type: 'boolean' },
      users: { type: 'string' },
      limit: { type: 'string', multiple: true },
      'log-level': { type: 'string' },
      'log-format': { type: 'string' },
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

  const controlApi = controlApiChoice(values['control-api'], values['no-control-api']);

  // The request log goes to stderr, so stdout keeps only what the command itself says.
  const lines = lineBatcher((text) => io.stderr.write(text));
  const logger = createLogger({
    level: parseLogLevel(values['log-level']),
    format: parseLogFormat(values['log-format'], io),
    write: (line) => lines.write(line),
    ...(useColour(io, 'stderr') ? { paint: ANSI_LEVEL_PAINT } : {}),
  });

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
    ...(values['memory-upload-bytes'] === undefined
      ? {}
      : {
          memoryUploadBytes: parseWhole(
            '--memory-upload-bytes',
            values['memory-upload-bytes'],
            0,
            Number.MAX_SAFE_INTEGER,
          ),
        }),
    ...(values['spool-dir'] === undefined ? {} : { spoolDirectory: values['spool-dir'] }),
    ...parseLimits(values.limit ?? []),
    ...(values.users === undefined ? {} : loadUsers(values.users)),
    // Neither flag: on when listening on loopback only (resolveSimulatorOptions decides).
    ...(controlApi === undefined ? {} : { controlApi }),
    onRequest: (event) => logger.request(event),
    onInternalError: (error) => logger.internalError(error),
  });
  io.stdout.write(
    `import-harness simulator listening on ${simulator.url} (pace ${String(pace)})\n`,
  );

  await new Promise<void>((resolve) => {
    if (io.signal === undefined || io.signal.aborted) return resolve();
    io.signal.addEventListener('abort', () => resolve(), { once: true });
  });
  await simulator.close();
  lines.flush();
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

function controlApiChoice(
  enable: boolean | undefined,
  disable: boolean | undefined,
): boolean | undefined {
  if (enable === true && disable === true) {
    throw new UsageError('--control-api and --no-control-api contradict each other; give one.');
  }
  return enable === true ? true : disable === true ? false : undefined;
}

function parseLogLevel(value: string | undefined): LogLevel {
  if (value === undefined) return SERVE_DEFAULTS.logLevel;
  if (isLogLevel(value)) return value;
  throw new UsageError(
    `--log-level must be one of ${LOG_LEVELS.join(', ')}; got ${JSON.stringify(value)}.`,
  );
}

/** Pretty lines for a person at a terminal, JSON lines for everything else (unless told). */
function parseLogFormat(value: string | undefined, io: CliIo): LogFormat {
  if (value === undefined) return io.stderr.isTTY === true ? 'pretty' : 'json';
  if (value === 'json' || value === 'pretty') return value;
  throw new UsageError(`--log-format must be json or pretty; got ${JSON.stringify(value)}.`);
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
