#!/usr/bin/env node
// Entry point of the `import-harness` command: runs the TypeScript CLI through tsx's loader,
// turns SIGINT/SIGTERM into a clean stop, and sets the exit code without forcing an exit.
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('../cli/main.ts');

// A reader that goes away early (`replay | head`) is not an error of the command.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

const stop = new AbortController();
process.once('SIGINT', () => stop.abort());
process.once('SIGTERM', () => stop.abort());

process.exitCode = await runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  signal: stop.signal,
});
