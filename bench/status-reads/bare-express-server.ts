/**
 * The baseline of the status-read benchmark, run in a child process of its own:
 * `node --import tsx bare-express-server.ts --port N --answers FILE`.
 *
 * One Express 5 route on the status path answers each known process id with the bytes and
 * headers the simulator answered it with, captured beforehand; nothing else happens. What
 * the simulator spends beyond this is its own work: token check, engine, status object,
 * serialisation, logging. With `--serialise`, the route instead answers the same JSON the
 * way an Express API usually does, `res.json(object)`: the cost of serialising is then the
 * baseline's too.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import express from 'express';
import { API_PATHS } from '../../api/endpoints.js';
import { HOST } from './child-server.js';

/** What the benchmark hands this server: per process id, the answer to repeat. */
export interface CannedAnswer {
  readonly importProcessId: string;
  readonly bodyBase64: string;
  readonly headers: Readonly<Record<string, string>>;
}

const { values } = parseArgs({
  options: {
    port: { type: 'string' },
    answers: { type: 'string' },
    serialise: { type: 'boolean', default: false },
  },
});
if (values.port === undefined || values.answers === undefined) {
  throw new Error('bare-express-server needs --port N and --answers FILE.');
}

const answers = new Map(
  (JSON.parse(readFileSync(values.answers, 'utf8')) as CannedAnswer[]).map((answer) => [
    answer.importProcessId,
    {
      body: Buffer.from(answer.bodyBase64, 'base64'),
      json: JSON.parse(Buffer.from(answer.bodyBase64, 'base64').toString('utf8')) as unknown,
      headers: answer.headers,
    },
  ]),
);

// The same Express settings as the simulator's app, so that both send the same headers.
const app = express();
app.disable('x-powered-by');
app.set('etag', false);
app.get(API_PATHS.status, (req: express.Request<{ importProcessId: string }>, res) => {
  const answer = answers.get(req.params.importProcessId);
  if (answer === undefined) return void res.status(404).end();
  if (values.serialise) return void res.status(200).json(answer.json);
  res.status(200).set(answer.headers).send(answer.body);
});
const server = app.listen(Number(values.port), HOST, (error?: Error) => {
  // The benchmark sees the server end and shows this line from its log.
  if (error !== undefined) throw error;
});

// A clean exit on SIGTERM, so that a run with --cpu-prof writes its profile.
process.once('SIGTERM', () => {
  server.closeAllConnections();
  server.close(() => process.exit(0));
});
