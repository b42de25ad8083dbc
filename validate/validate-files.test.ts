import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_REFERENCE_DATA } from '../model/reference-data.js';
import { validPerson } from '../model/validation/test-fixtures.js';
import { TenantState } from './tenant-state.js';
import { validateFiles, type FileReport } from './validate-files.js';

const TMP = mkdtempSync(join(tmpdir(), 'ih-validate-files-'));
afterAll(() => rmSync(TMP, { recursive: true, force: true }));

function importFile(name: string, persons: readonly string[]): { path: string; bytes: number } {
  const path = join(TMP, name);
  const text = JSON.stringify({
    persons: persons.map((key) => validPerson({ externalPersonId: key })),
  });
  writeFileSync(path, text);
  return { path, bytes: Buffer.byteLength(text) };
}

const read = { referenceData: DEFAULT_REFERENCE_DATA };

describe('validateFiles', () => {
  it('adds a file ready to send to the tenant, for the files after it (V-6)', async () => {
    const tenant = new TenantState();
    const reports: FileReport[] = [];

    const totals = await validateFiles({
      files: [importFile('first.json', ['P-1']), importFile('again.json', ['P-1'])],
      read,
      tenant,
      sameFileReferences: false,
      onFile: (report) => reports.push(report),
    });

    expect(reports.map((report) => [report.verdict.status, report.addedToTenant])).toEqual([
      ['READY_TO_SEND', true],
      ['REJECTED', false],
    ]);
    expect(tenant.has('PERSON.PERSON', 'P-1')).toBe(true);
    expect(totals).toMatchObject({
      files: 2,
      entities: 2,
      readyToSend: 1,
      rejected: 1,
      stopped: false,
    });
  });

  it('stops between chunks when asked, and says how far it got', async () => {
    const stop = new AbortController();
    stop.abort();
    const reports: FileReport[] = [];

    const totals = await validateFiles({
      files: [importFile('never.json', ['P-9'])],
      read,
      tenant: new TenantState(),
      sameFileReferences: false,
      signal: stop.signal,
      onFile: (report) => reports.push(report),
    });

    expect(reports).toEqual([]);
    expect(totals).toMatchObject({ files: 0, stopped: true });
  });
});
