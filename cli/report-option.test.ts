import { chmodSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileError } from '../errors/file-error.js';
import { UsageError } from '../errors/usage-error.js';
import { parseReports, writeReports, type ReportWriters } from './report-option.js';

const WRITERS: ReportWriters = { json: () => '{}\n', junit: () => '<testsuites/>\n' };

function folder(): string {
  return mkdtempSync(join(tmpdir(), 'ih-report-option-'));
}

describe('parseReports', () => {
  it('takes each FORMAT:FILE in order, json and junit alike', () => {
    expect(parseReports(['junit:out/a.xml', 'json:out/a.json'], 'explore')).toEqual([
      { format: 'junit', file: 'out/a.xml' },
      { format: 'json', file: 'out/a.json' },
    ]);
  });

  it('takes no option as no report', () => {
    expect(parseReports(undefined, 'verify')).toEqual([]);
  });

  it('keeps a colon inside the file name', () => {
    expect(parseReports(['json:C:/reports/a.json'], 'replay')).toEqual([
      { format: 'json', file: 'C:/reports/a.json' },
    ]);
  });

  it('refuses another format or a missing file, quoting the value and giving an example', () => {
    for (const value of ['xml:out.xml', 'junit:', 'junit', 'JSON:out.json']) {
      expect(() => parseReports([value], 'verify')).toThrow(UsageError);
      expect(() => parseReports([value], 'verify')).toThrow(
        `--report must be json:FILE or junit:FILE; got ${JSON.stringify(value)}. ` +
          'Example: --report junit:reports/verify.xml',
      );
    }
  });

  it('refuses one file named by two reports', () => {
    expect(() => parseReports(['json:out/r', 'junit:./out/r'], 'explore')).toThrow(
      '--report names ./out/r twice; give each report its own file',
    );
  });

  it('refuses a destination that is a folder before anything runs', () => {
    const dir = folder();

    expect(() => parseReports([`junit:${dir}`], 'explore')).toThrow(FileError);
    expect(() => parseReports([`junit:${dir}`], 'explore')).toThrow(
      `--report junit:${dir} cannot be written: ${dir} is a folder. ` +
        'Name a file in a folder you can write to.',
    );
  });

  it('refuses a destination under a file, and creates nothing', () => {
    const file = join(folder(), 'plain.txt');
    writeFileSync(file, 'not a folder');

    expect(() => parseReports([`json:${file}/deeper/report.json`], 'replay')).toThrow(
      `${file} is a file, not a folder`,
    );
    expect(readFileSync(file, 'utf8')).toBe('not a folder');
  });

  // root may write anywhere: only a run as another user can see the refusal.
  it.skipIf(process.getuid?.() === 0)('says when the folder is not writable', () => {
    const dir = folder();
    chmodSync(dir, 0o500);

    expect(() => parseReports([`json:${dir}/r.json`], 'verify')).toThrow(
      `the folder ${dir} is not writable`,
    );
  });

  it('accepts a destination whose folders do not exist yet', () => {
    const file = join(folder(), 'new', 'deeper', 'report.xml');

    expect(parseReports([`junit:${file}`], 'explore')).toEqual([{ format: 'junit', file }]);
  });
});

describe('writeReports', () => {
  it('writes each report in its format, creating its folders', () => {
    const dir = folder();
    const reports = parseReports([`json:${dir}/a/r.json`, `junit:${dir}/b/c/r.xml`], 'explore');

    writeReports(reports, WRITERS);

    expect(readFileSync(join(dir, 'a/r.json'), 'utf8')).toBe('{}\n');
    expect(readFileSync(join(dir, 'b/c/r.xml'), 'utf8')).toBe('<testsuites/>\n');
  });

  it('builds only the formats asked for', () => {
    const built: string[] = [];
    const writers: ReportWriters = {
      json: () => (built.push('json'), '{}'),
      junit: () => (built.push('junit'), '<testsuites/>'),
    };

    writeReports([{ format: 'junit', file: join(folder(), 'r.xml') }], writers);

    expect(built).toEqual(['junit']);
  });

  it('writes the others when one cannot be written, then names the one that failed', () => {
    const dir = folder();
    const blocked = join(dir, 'blocked');
    // A folder appeared where the report goes after the options were checked.
    mkdirSync(blocked);
    const good = join(dir, 'good.json');

    const write = (): void =>
      writeReports(
        [
          { format: 'junit', file: blocked },
          { format: 'json', file: good },
        ],
        WRITERS,
      );

    expect(write).toThrow(FileError);
    expect(write).toThrow(
      `Cannot write the junit report to ${blocked}: ${blocked} is a folder. ` +
        'Check the path given to --report.',
    );
    expect(readFileSync(good, 'utf8')).toBe('{}\n');
  });
});
