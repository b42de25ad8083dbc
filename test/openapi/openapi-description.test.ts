import { describe, expect, it } from 'vitest';
import { API_PATHS, CONTROL_PATHS, DESCRIPTION_PATH } from '../../api/endpoints.js';
import { CONTROL_TAG, loadOpenApiDescription } from '../../api/openapi.js';
import { PROCESS_STATUSES } from '../../model/statuses.js';
import { startSimulator } from '../../simulator/start-simulator.js';

const document = loadOpenApiDescription();

/** `/api/v1/import/status/:importProcessId` → `/api/v1/import/status/{importProcessId}` */
const template = (path: string): string => path.replace(/:([A-Za-z]+)/g, '{$1}');

const operations = (path: string): string[] =>
  Object.keys(document.paths[template(path)] ?? {}).filter((key) => key !== 'parameters');

const schema = (name: string): Record<string, unknown> =>
  (document.components?.['schemas'] as Record<string, Record<string, unknown>>)[name] ?? {};

describe('api/openapi.yaml', () => {
  it('is OpenAPI 3.1', () => {
    expect(document.openapi).toMatch(/^3\.1\.\d+$/);
  });

  it.each([
    ['H-1', API_PATHS.upload, ['post']],
    ['H-8', API_PATHS.uploadJson, ['post']],
    ['H-2', API_PATHS.status, ['get']],
    ['H-3', API_PATHS.discard, ['post']],
    ['H-4', API_PATHS.discardRejected, ['post']],
    ['H-5', API_PATHS.discardFailed, ['post']],
    ['H-6', API_PATHS.retry, ['post']],
    ['H-7', API_PATHS.authorise, ['post']],
    ['the description', DESCRIPTION_PATH, ['get']],
    ['reset', CONTROL_PATHS.reset, ['post']],
    ['config', CONTROL_PATHS.config, ['get', 'put']],
    ['faults', CONTROL_PATHS.faults, ['get', 'post', 'delete']],
    ['inspect', CONTROL_PATHS.process, ['get']],
    ['processes', CONTROL_PATHS.processes, ['get']],
    ['stats', CONTROL_PATHS.stats, ['get']],
    ['advance', CONTROL_PATHS.advance, ['post']],
    ['created', CONTROL_PATHS.created, ['get']],
  ])('describes %s at %s with exactly its methods', (_name, path, methods) => {
    expect(operations(path).sort()).toEqual([...methods].sort());
  });

  it('describes no path the endpoint table lacks', () => {
    const known = [...Object.values(API_PATHS), ...Object.values(CONTROL_PATHS), DESCRIPTION_PATH];

    expect(Object.keys(document.paths).sort()).toEqual(known.map(template).sort());
  });

  it('tags every control-API operation apart from the public ones', () => {
    for (const [path, item] of Object.entries(document.paths)) {
      for (const operation of Object.values(item) as Array<{ tags?: string[] }>) {
        expect(operation.tags?.includes(CONTROL_TAG), path).toBe(path.startsWith('/__simulator/'));
      }
    }
  });

  it('requires every field of the status object of section 3, with the documented statuses', () => {
    expect(schema('StatusObject')['required']).toEqual([
      'importProcessId',
      'source',
      'statusCode',
      'validationId',
      'dispatchId',
      'validationStatus',
      'validationErrors',
      'dispatchStatus',
    ]);
    expect(schema('ProcessStatus')['enum']).toEqual([...PROCESS_STATUSES]);
  });

  it.each([
    'err.authTokenMissing',
    'err.authTokenInvalid',
    'err.credentialsInvalid',
    'err.credentialsMissing',
    'err.sourceNameMissing',
    'err.sourceRefMissing',
    'err.tenantCodeMissing',
    'err.requestMultipartInvalid',
    'err.requestJsonInvalid',
    'err.importFileMissing',
    'err.importFileMultiple',
    'err.importFileTooLarge',
    'err.importSourceRefExists',
    'err.importProcessNotFound',
    'err.importProcessStatusInvalid',
    'err.resourceNotFound',
    'err.httpMethodNotAllowed',
  ])('shows %s of section 11 in an example', (code) => {
    expect(JSON.stringify(document.components)).toContain(`"errorCode":"${code}"`);
  });
});

describe('GET /openapi.json', () => {
  it('serves the description, with no token needed', async () => {
    const simulator = await startSimulator();
    try {
      const response = await fetch(`${simulator.url}${DESCRIPTION_PATH}`);

      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^application\/json/);
      expect(await response.json()).toEqual(JSON.parse(JSON.stringify(document)));
    } finally {
      await simulator.close();
    }
  });

  it('leaves the control API out when it is not mounted', async () => {
    const simulator = await startSimulator({ controlApi: false });
    try {
      const served = (await (await fetch(`${simulator.url}${DESCRIPTION_PATH}`)).json()) as {
        paths: Record<string, unknown>;
        tags: Array<{ name: string }>;
      };

      expect(Object.keys(served.paths).filter((path) => path.startsWith('/__simulator'))).toEqual(
        [],
      );
      expect(served.paths[API_PATHS.upload]).toBeDefined();
      expect(served.tags.map((tag) => tag.name)).not.toContain(CONTROL_TAG);
    } finally {
      await simulator.close();
    }
  });

  it('answers another method with 405 err.httpMethodNotAllowed', async () => {
    const simulator = await startSimulator();
    try {
      const response = await fetch(`${simulator.url}${DESCRIPTION_PATH}`, { method: 'POST' });

      expect(response.status).toBe(405);
      expect(((await response.json()) as { errors: string[] }).errors).toEqual([
        'err.httpMethodNotAllowed',
      ]);
    } finally {
      await simulator.close();
    }
  });
});
