/**
 * The command line with whatever it is given: malformed and unreadable scenario files,
 * unreachable or broken targets, bad flags and files for serve. Each is one explanation on
 * stderr and exit 2 — never a stack trace, never a hang.
 */
import { mkdirSync, mkdtempSync, truncateSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture, runCliCaptured, type CliRun } from '../support/run-cli.js';

let folder: string;

beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), 'ih-cli-bad-'));
});

function file(name: string, content: string | Uint8Array): string {
  const path = join(folder, name);
  writeFileSync(path, content);
  return path;
}

/** Exit 2, something said on stderr, nothing on stdout, and no stack trace anywhere. */
function expectExplained(run: CliRun, pattern: RegExp): void {
  expect(run.exitCode, run.stderr).toBe(2);
  expect(run.stderr).toMatch(pattern);
  expect(run.stdout).toBe('');
  expect(`${run.stdout}${run.stderr}`).not.toMatch(/\n\s+at |node_modules|Error:/);
}

/** One line only: for failures that are not a list of scenario issues. */
function expectOneLine(run: CliRun, pattern: RegExp): void {
  expectExplained(run, pattern);
  expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
}

describe('replay with malformed scenario files', () => {
  it.each([
    ['an empty file', 'empty.yaml', '', /expected object, received null/],
    [
      'bytes that are not text',
      'binary.yaml',
      Buffer.from([0xff, 0xfe, 0x00, 0x01]),
      /expected object/,
    ],
    ['a YAML list', 'list.yaml', '- a\n- b\n', /expected object, received array/],
    ['a YAML syntax error', 'syntax.yaml', 'name: [unclosed\n', /syntax\.yaml:\d+:\d+/],
    ['a duplicate key', 'dup.yaml', 'name: a\nname: b\nsteps: []\n', /unique|duplicate/i],
    ['no steps', 'nosteps.yaml', 'name: x\nsteps: []\n', /steps: Too small/],
    [
      'aliases that expand without bound',
      'bomb.yaml',
      [
        'a: &a [1, 1, 1, 1, 1, 1, 1, 1, 1]',
        'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]',
        'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]',
        'd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]',
        'e: [*d, *d, *d, *d, *d, *d, *d, *d, *d]',
      ].join('\n'),
      /the YAML cannot be built: Excessive alias count/,
    ],
  ])('explains %s and exits 2', async (_what, name, content, pattern) => {
    const run = await runCliCaptured('replay', file(name, content));

    expectExplained(run, pattern);
    expect(run.stderr).toContain(`Invalid scenario file ${join(folder, name)}`);
  });
});

describe('replay with unreadable paths', () => {
  it('explains a path that does not exist', async () => {
    expectOneLine(
      await runCliCaptured('replay', join(folder, 'missing.yaml')),
      /No scenario file or folder at/,
    );
  });

  it('explains a folder without scenario files', async () => {
    const empty = join(folder, 'empty-folder');
    mkdirSync(empty);
    expectOneLine(await runCliCaptured('replay', empty), /holds no \.yaml or \.yml scenario file/);
  });

  it('explains a device instead of a file, rather than reading it forever', async () => {
    expectOneLine(
      await runCliCaptured('replay', '/dev/zero'),
      /\/dev\/zero: it is not a regular file\./,
    );
  });

  it('explains a scenario file too large to be one', async () => {
    const huge = file('huge.yaml', '');
    truncateSync(huge, 17 * 1024 * 1024);
    expectOneLine(
      await runCliCaptured('replay', huge),
      /a scenario file is at most 16777216 bytes/,
    );
  });

  it('explains an upload file that is a folder', async () => {
    mkdirSync(join(folder, 'not-a-file.json'));
    const scenario = file(
      'folder-upload.yaml',
      'name: x\nsteps:\n  - upload: { process: p, file: not-a-file.json }\n',
    );
    expectExplained(
      await runCliCaptured('replay', scenario),
      /no file not-a-file\.json next to the scenario/,
    );
  });
});

describe('replay with unreachable or broken targets', () => {
  let closedUrl: string;
  let brokenUrl: string;
  let broken: Server;

  beforeAll(async () => {
    // A port that nobody listens on any more.
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    closedUrl = `http://127.0.0.1:${(probe.address() as { port: number }).port}`;
    await new Promise<void>((resolve) => probe.close(() => resolve()));

    // A target that starts an answer and breaks it off.
    broken = createServer((socket) => {
      socket.once('data', () => {
        socket.write(
          'HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n{"da',
        );
        setTimeout(() => socket.destroy(), 20);
      });
    });
    await new Promise<void>((resolve) => broken.listen(0, '127.0.0.1', resolve));
    brokenUrl = `http://127.0.0.1:${(broken.address() as { port: number }).port}`;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => broken.close(() => resolve()));
  });

  it('explains a target nobody listens on', async () => {
    const run = await runCliCaptured('replay', fixture('passing.yaml'), '--target', closedUrl);
    expectOneLine(run, /Could not reach http:\/\/127\.0\.0\.1:\d+ .*ECONNREFUSED/);
  });

  it('explains a target that breaks off its answer', async () => {
    const run = await runCliCaptured('replay', fixture('passing.yaml'), '--target', brokenUrl);
    expectOneLine(run, /broke off its answer to GET \/api\/v1\/import\/status\/DIM-0/);
  });

  it('explains a target that is not a URL, or not http', async () => {
    expectOneLine(
      await runCliCaptured('replay', fixture('passing.yaml'), '--target', 'localhost:4010'),
      /--target must be an http or https URL|--target must be a URL/,
    );
    expectOneLine(
      await runCliCaptured('replay', fixture('passing.yaml'), '--target', 'http://[::1'),
      /--target must be a URL such as http:\/\/127\.0\.0\.1:4010/,
    );
  });
});

describe('replay with bad flags', () => {
  it.each([
    [['--frobnicate'], /Unknown option '--frobnicate'/],
    [['--target'], /Option '--target <value>' argument missing/],
    [['--report'], /Option '--report <value>' argument missing/],
    [['--report', 'pdf:out.pdf'], /--report must be json:FILE or junit:FILE/],
  ])('explains %j in one line', async (flags, pattern) => {
    expectOneLine(await runCliCaptured('replay', ...flags), pattern);
  });
});

describe('serve with bad flags and files', () => {
  it.each([
    [['--limit', 'maxWidgets=3'], /--limit must be NAME=N with NAME one of maxBodyBytes, /],
    [['--limit', 'maxProcesses=0'], /--limit maxProcesses must be a positive whole number/],
    [['--limit', 'maxProcesses'], /--limit maxProcesses must be a positive whole number/],
    [
      ['--limit', 'maxStoredBytes=10', '--max-body-bytes', '100'],
      /maxStoredBytes \(10\) must be at least maxBodyBytes \(100\)/,
    ],
    [
      ['--control-api', '--no-control-api'],
      /--control-api and --no-control-api contradict each other/,
    ],
    [['--port', '70000'], /--port must be a whole number from 0 to 65535/],
    [['--users'], /Option '--users <value>' argument missing/],
    [
      ['--spool-dir', '/no/such/folder'],
      /spoolDirectory "\/no\/such\/folder" cannot hold uploads \(.*ENOENT.*\)\. Name an existing/,
    ],
    [['--spool-dir', 'package.json'], /cannot hold uploads \(it is not a folder\)/],
    [['--memory-upload-bytes', 'x'], /--memory-upload-bytes must be a whole number/],
    [['--pace', '99999999999'], /pace must be .* from 0 to 2147483647; got 99999999999\./],
  ])('explains %j in one line', async (flags, pattern) => {
    expectOneLine(await runCliCaptured('serve', ...flags), pattern);
  });

  it.each([
    ['a users file that does not exist', null, /Cannot read the users file .*ENOENT/],
    ['a users file that is not JSON', '{"users": [', /Cannot read the users file .*JSON/],
    [
      'a user without tenants',
      '{"users": [{"username": "a", "password": "b"}]}',
      /users\.0\.tenants/,
    ],
    [
      'a username given twice',
      JSON.stringify({
        users: [
          { username: 'a', password: 'b', tenants: ['MB'] },
          { username: 'a', password: 'c', tenants: ['XB'] },
        ],
      }),
      /username "a" appears twice/,
    ],
    ['an unknown key', '{"users": [], "admins": []}', /Unrecognized key/],
  ])('explains %s in one line', async (_what, content, pattern) => {
    const path =
      content === null
        ? join(folder, 'no-users.json')
        : file(`users-${Math.random()}.json`, content);
    expectOneLine(await runCliCaptured('serve', '--users', path), pattern);
  });

  it('explains a port that is already taken', async () => {
    const holder = createHttpServer();
    await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
    const port = (holder.address() as { port: number }).port;
    try {
      const run = await runCliCaptured('serve', '--port', String(port), '--log-level', 'silent');
      expectOneLine(
        run,
        new RegExp(`Cannot listen on 127\\.0\\.0\\.1:${port}: the port is already in use`),
      );
    } finally {
      await new Promise<void>((resolve) => holder.close(() => resolve()));
    }
  });
});

describe('explore and contracts with an output folder that can hold no file', () => {
  it.each([
    ['explore', '--out', ['--runs', '1']],
    ['contracts', '--pact-dir', []],
  ])('%s %s naming a file is refused before anything runs', async (command, flag, rest) => {
    const run = await runCliCaptured(command, flag, 'package.json', ...rest);

    expectOneLine(
      run,
      new RegExp(`${flag} "package.json" cannot hold the files: .*package.json is a file`),
    );
  });
});
