/**
 * The simulator under measurement, in a process of its own so that its peak resident memory
 * is its own. Started by bench/import-throughput.ts with an IPC channel: it sends its URL,
 * answers `peak` with its peak resident set size, and exits on `stop`.
 */
import { startSimulator } from '../../simulator/start-simulator.js';

const simulator = await startSimulator({
  host: '127.0.0.1',
  pace: 'instant',
  // The generated file's accounts and transactions refer to entities of the same file.
  sameFileReferences: true,
});
process.send?.({ url: simulator.url });

process.on('message', (message: unknown) => {
  if (message === 'peak') {
    // maxRSS is in kilobytes.
    process.send?.({ peakRssBytes: process.resourceUsage().maxRSS * 1024 });
  } else if (message === 'stop') {
    void simulator.close().then(() => process.exit(0));
  }
});
process.on('disconnect', () => process.exit(0));
