import { createServer, type IncomingMessage, type Server } from 'node:http';
import { connect } from 'node:net';
import type { Request } from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { headerValue } from './request-headers.js';

/** Each header line as sent, values split at commas: what `headerValue` must report. */
function fromDistinctLines(req: IncomingMessage, name: string): string | string[] | undefined {
  const lines = req.headersDistinct[name];
  if (lines === undefined) return undefined;
  const values = lines.flatMap((line) => line.split(',').map((value) => value.trim()));
  return values.length === 1 ? values[0] : values;
}

let server: Server;
let port: number;

beforeAll(async () => {
  // Node's own parser, so that the header lines are joined exactly as in the simulator.
  server = createServer((req, res) => {
    const name = String(req.headers['x-probe']);
    const answer = {
      value: headerValue(req as Request, name),
      lines: fromDistinctLines(req, name),
    };
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify(answer));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as { port: number }).port;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

/** Sends header lines as given, repeated names included, and reads what the server saw. */
function probe(
  name: string,
  lines: readonly string[],
): Promise<{ value: unknown; lines: unknown }> {
  const head = [
    'GET / HTTP/1.1',
    'Host: 127.0.0.1',
    'Connection: close',
    `X-Probe: ${name}`,
    ...lines,
  ].join('\r\n');
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(`${head}\r\n\r\n`));
    let text = '';
    socket.on('data', (chunk: Buffer) => (text += chunk.toString('latin1')));
    socket.once('error', reject);
    socket.once('end', () => {
      const body = text.slice(text.indexOf('\r\n\r\n') + 4);
      resolve(JSON.parse(body) as { value: unknown; lines: unknown });
    });
  });
}

describe('headerValue', () => {
  it.each([
    ['once', ['x-auth-token: abc']],
    ['once, with spaces around', ['x-auth-token:   abc  ']],
    ['empty', ['x-auth-token:']],
    ['twice', ['x-auth-token: a', 'x-auth-token: b']],
    ['twice, the first empty', ['x-auth-token:', 'x-auth-token: b']],
    ['comma-joined', ['x-auth-token: a, b,c']],
    ['comma-joined and repeated', ['x-auth-token: a,b', 'X-Auth-Token: c']],
    ['absent', ['x-other: a']],
  ])('reads an x- header given %s as its lines say', async (_case, lines) => {
    const seen = await probe('x-auth-token', lines);

    expect(seen.value).toEqual(seen.lines);
  });

  it('reads every line of a header whose repeats Node drops from its joined headers', async () => {
    const seen = await probe('user-agent', ['user-agent: a', 'user-agent: b']);

    expect(seen.value).toEqual(['a', 'b']);
  });

  it('answers an array for a repeated header and a string for a single one', async () => {
    expect((await probe('x-request-id', ['x-request-id: one', 'x-request-id: two'])).value).toEqual(
      ['one', 'two'],
    );
    expect((await probe('x-request-id', ['x-request-id: one'])).value).toBe('one');
  });
});
