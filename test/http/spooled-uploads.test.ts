/**
 * Large uploads: a file part past `memoryUploadBytes` is written to disk as it arrives and
 * read from there as a stream. These tests spool every upload (`memoryUploadBytes: 0`) and
 * check that nothing changes for the client, and that no file is left behind.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { loadScenarios, replay } from '../../scenarios/runner/replay.js';
import { simulatorTarget } from '../../scenarios/runner/run-target.js';
import {
  account,
  idOf,
  invalidPerson,
  person,
  rawRequest,
  resetSimulator,
  startTestSimulator,
  statusOf,
  TENANT,
  TOKEN,
  uploadFile,
  waitForStatus,
  type TestSimulator,
} from './support.js';

const LIBRARY = fileURLToPath(new URL('../../scenarios/library', import.meta.url));

let spool: string;
let sim: TestSimulator;

beforeAll(async () => {
  spool = mkdtempSync(join(tmpdir(), 'ih-spool-test-'));
  sim = await startTestSimulator({
    memoryUploadBytes: 0,
    spoolDirectory: spool,
    maxBodyBytes: 16 * 1024 * 1024,
  });
});

afterAll(async () => {
  await sim.close();
  // Closing the simulator removes its spool folder.
  expect(readdirSync(spool)).toEqual([]);
  rmSync(spool, { recursive: true, force: true });
});

afterEach(async () => {
  expect(sim.internalErrors).toEqual([]);
  await resetSimulator(sim);
});

/** The files waiting in the simulator's spool folder. */
function spooledFiles(): string[] {
  return readdirSync(spool).flatMap((folder) => readdirSync(join(spool, folder)));
}

describe('uploads spooled to disk', () => {
  it('replay the whole bundled library with the same outcomes as uploads held in memory', async () => {
    const summary = await replay(loadScenarios([LIBRARY]), simulatorTarget(sim.url, TOKEN));

    const failed = summary.scenarios.filter((result) => result.outcome === 'failed');
    expect(failed.map((result) => result.name)).toEqual([]);
    expect(summary.passed).toBeGreaterThanOrEqual(100);
    expect(spooledFiles()).toEqual([]);
  }, 120_000);

  it('read a file of many entities in the background and reach the right counts', async () => {
    await sim.control.configure({ sameFileReferences: true });
    const persons = Array.from({ length: 3_000 }, (_, n) => person(`P-${n}`));
    const accounts = Array.from({ length: 3_000 }, (_, n) => account(`A-${n}`, `P-${n}`));

    const id = idOf(await uploadFile(sim.api, { persons, accounts }, 'many'));
    const done = await waitForStatus(sim.api, id, ['DONE', 'FAILED', 'REJECTED', 'ERROR']);

    expect(done.statusCode).toBe('DONE');
    const rows = Object.fromEntries(
      (done.dispatchStatus ?? []).map((row) => [row.sourceName, row.ackedCount]),
    );
    expect(rows).toEqual({
      'ACCOUNT.ACCOUNT_TRANSACTION': 0,
      'ACCOUNT.ACCOUNT': 3_000,
      'LOAN.CONTRACT': 0,
      'PERSON.PERSON': 3_000,
    });
    expect(spooledFiles()).toEqual([]);
  });

  it('read the file on the spot for a transition due now (step pace)', async () => {
    await sim.control.configure({ pace: 'step' });
    const id = idOf(await uploadFile(sim.api, { persons: [invalidPerson('P-1')] }, 'step'));

    expect(spooledFiles()).toHaveLength(1);
    expect(await statusOf(sim.api, id)).toBe('PARSING');
    expect(await statusOf(sim.api, id)).toBe('PARSED');
    expect(spooledFiles()).toEqual([]);
    expect(await statusOf(sim.api, id)).toBe('VALIDATING');
    expect(await statusOf(sim.api, id)).toBe('REJECTED');
  });

  it('leave no file behind when the upload is refused', async () => {
    idOf(await uploadFile(sim.api, { persons: [person('P-1')] }, 'twice'));
    const again = await uploadFile(sim.api, { persons: [person('P-2')] }, 'twice');

    expect(again.status).toBe(400);
    expect(spooledFiles()).toEqual([]);
  });

  it('leave no file behind when the body is larger than maxBodyBytes', async () => {
    const big = 'x'.repeat(17 * 1024 * 1024);
    const response = await uploadFile(sim.api, { persons: [person('P-1', { note: big })] }, 'big');

    expect(response.status).toBe(413);
    expect(spooledFiles()).toEqual([]);
  });

  it('leave no file behind when a reset forgets a process still waiting to be read', async () => {
    await sim.control.configure({ pace: 'step' });
    idOf(await uploadFile(sim.api, { persons: [person('P-1')] }, 'waiting'));
    expect(spooledFiles()).toHaveLength(1);

    await sim.control.reset();

    expect(spooledFiles()).toEqual([]);
  });

  it('leave no file behind when the request has more than one part', async () => {
    const boundary = 'b';
    const part = (name: string): string =>
      `--${boundary}\r\nContent-Disposition: form-data; name="${name}"; filename="f.json"\r\n` +
      `Content-Type: application/json\r\n\r\n{"persons": []}\r\n`;
    const response = await rawRequest(`${sim.url}/api/v2/import?sourceName=s&sourceRef=two`, {
      method: 'POST',
      headers: {
        'x-auth-token': TOKEN,
        'x-leaf-tenant-code': TENANT,
        'content-type': `multipart/form-data; boundary=${boundary}`,
      },
      body: `${part('file')}${part('other')}--${boundary}--\r\n`,
    });

    expect(response.status).toBe(400);
    expect(spooledFiles()).toEqual([]);
  });

  it('refuse an upload the spool folder cannot take with 507, and take the next one', async () => {
    rmSync(spool, { recursive: true, force: true });

    const refused = await uploadFile(sim.api, { persons: [person('P-1')] }, 'no-folder');
    expect(refused.status).toBe(507);
    expect(refused.errors).toEqual(['err.uploadNotStored']);

    // A large file fails part-way through its body, and is refused all the same.
    const persons = Array.from({ length: 4_000 }, (_, n) => person(`P-${n}`));
    const large = await uploadFile(sim.api, { persons }, 'no-folder-large');
    expect(large.status).toBe(507);

    mkdirSync(spool);
    const taken = idOf(await uploadFile(sim.api, { persons: [person('P-1')] }, 'folder-back'));
    expect((await waitForStatus(sim.api, taken, ['DONE'])).statusCode).toBe('DONE');
    expect(spooledFiles()).toEqual([]);
  });
});
