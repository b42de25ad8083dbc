import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { runCli } from '../../cli/main.js';
import type { CliRun } from '../support/run-cli.js';

/** The hand-written pact of another consumer team, committed beside the contracts. */
export const OTHER_TEAM_PACT = fileURLToPath(
  new URL('../../contracts/fixtures/other-team.pact.json', import.meta.url),
);

export function contractFixture(name: string): string {
  return fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
}

/** The descriptions of a pact file's interactions, in file order. */
export function descriptionsOf(file: string): string[] {
  const pact = JSON.parse(readFileSync(file, 'utf8')) as {
    interactions: Array<{ description: string }>;
  };
  return pact.interactions.map((interaction) => interaction.description);
}

/** Runs the CLI in this process with captured output and the given environment. */
export async function runCliWithEnv(
  env: Record<string, string | undefined>,
  ...args: string[]
): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const exitCode = await runCli(args, {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    env,
  });
  return { exitCode, stdout, stderr };
}
