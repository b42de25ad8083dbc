import { readFileSync } from 'node:fs';
import { isHarnessError } from '../errors/harness-error.js';
import { ScenarioError } from '../errors/scenario-error.js';
import type { CliIo } from './cli-io.js';
import { contractsCommand } from './commands/contracts-command.js';
import { exploreCommand } from './commands/explore-command.js';
import { publishCommand } from './commands/publish-command.js';
import { replayCommand } from './commands/replay-command.js';
import { serveCommand } from './commands/serve-command.js';
import { validateCommand } from './commands/validate-command.js';
import { verifyCommand } from './commands/verify-command.js';
import { USAGE } from './usage.js';

const COMMANDS: Readonly<Record<string, (args: readonly string[], io: CliIo) => Promise<number>>> =
  {
    replay: replayCommand,
    serve: serveCommand,
    contracts: contractsCommand,
    verify: verifyCommand,
    publish: publishCommand,
    explore: exploreCommand,
    validate: validateCommand,
  };

/**
 * Runs the CLI and returns its exit code: 0 passed, 1 failed, 2 usage or file error.
 * Errors the harness raises on purpose are one clear message; anything else is a bug and
 * keeps its stack.
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    io.stdout.write(USAGE);
    return name === undefined ? 2 : 0;
  }
  if (name === '--version' || name === 'version') {
    io.stdout.write(`import-harness ${packageVersion()}\n`);
    return 0;
  }
  const command = COMMANDS[name];
  if (command === undefined) {
    io.stderr.write(
      `import-harness: unknown command ${JSON.stringify(name)}. Commands: ${Object.keys(COMMANDS).join(', ')}, help.\n`,
    );
    return 2;
  }

  // `import-harness <command> --help` shows the usage rather than refusing an unknown flag.
  if (args.includes('--help') || args.includes('-h')) {
    io.stdout.write(USAGE);
    return 0;
  }

  try {
    return await command(args, io);
  } catch (error) {
    if (error instanceof ScenarioError) {
      io.stderr.write(`${error.message}\n`);
      return 2;
    }
    if (isHarnessError(error)) {
      io.stderr.write(`import-harness ${name}: ${error.message}\n`);
      return 2;
    }
    if (isArgumentError(error)) {
      io.stderr.write(`import-harness ${name}: ${error.message}. See 'import-harness help'.\n`);
      return 2;
    }
    throw error;
  }
}

function packageVersion(): string {
  const file = new URL('../package.json', import.meta.url);
  return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
}

/** node:util parseArgs reports bad flags with ERR_PARSE_ARGS_* codes. */
function isArgumentError(error: unknown): error is Error {
  const code = (error as { code?: unknown } | null)?.code;
  return error instanceof Error && typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS_');
}
