/**
 * `import-harness validate` on one file, in a process of its own, for the import benchmark:
 * its output is read and dropped, and the time the command took and the process's peak
 * resident memory are sent back over IPC.
 */
import { runCli } from '../../cli/main.js';

const file = process.argv[2] ?? '';
const started = performance.now();
const exitCode = await runCli(['validate', file, '--same-file-references', '--format', 'json'], {
  stdout: { write: () => true },
  stderr: { write: (text: string) => process.stderr.write(text) },
  env: {},
});
process.send?.(
  {
    exitCode,
    durationMs: Math.round(performance.now() - started),
    peakRssBytes: process.resourceUsage().maxRSS * 1024,
  },
  () => process.exit(0),
);
