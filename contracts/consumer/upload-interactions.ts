import { MatchersV3 } from '@pact-foundation/pact';
import { API_PATHS } from '../../api/endpoints.js';
import type { StatusObject } from '../../api/wire-types.js';
import type { ApiResponse } from '../../client/api-response.js';
import type { ImportApiClient, MultipartUpload } from '../../client/import-api-client.js';
import type { ConsumerInteraction } from './consumer-interaction.js';
import { refusalTemplate, successTemplate } from './envelope-template.js';
import { EXAMPLE } from './example-values.js';
import { statusObjectTemplate } from './status-object-template.js';
import { exampleImportFile } from './upload-example.js';

const { fromProviderState, string, uuid } = MatchersV3;

/**
 * A batch reference the verifier makes new on every run (a UUID), since a provider accepts
 * each sourceName + sourceRef pair once per tenant.
 */
const FRESH_SOURCE_REF = uuid();

const TOKEN_HEADER = { 'x-auth-token': string(EXAMPLE.token) };
const TENANT_HEADER = { 'x-leaf-tenant-code': string(EXAMPLE.tenant) };

/** H-1 as the consumer sends it: the example file under a batch of its own. */
function upload(
  client: ImportApiClient,
  overrides: MultipartUpload = {},
): Promise<ApiResponse<StatusObject>> {
  return client.upload({
    sourceName: EXAMPLE.sourceName,
    sourceRef: crypto.randomUUID(),
    // Another person than the example's: the file part matches by type, not by value.
    parts: [{ content: exampleImportFile(`CONSUMER-P-${crypto.randomUUID()}`) }],
    ...overrides,
  });
}

/** H-1: an accepted upload, and one refusal per missing query parameter and header. */
export const UPLOAD_INTERACTIONS: readonly ConsumerInteraction[] = [
  {
    description: 'an upload of an import file',
    given: [],
    request: {
      method: 'POST',
      path: API_PATHS.upload,
      query: { sourceName: string(EXAMPLE.sourceName), sourceRef: FRESH_SOURCE_REF },
      headers: { ...TOKEN_HEADER, ...TENANT_HEADER },
      body: 'multipart',
    },
    response: {
      status: 202,
      body: successTemplate(
        statusObjectTemplate('INSERTED', {
          fromState: false,
          validation: 'null',
          validationErrors: 'null',
          dispatch: 'null',
        }),
      ),
    },
    send: (client) => upload(client),
    reads: { http: 202, status: 'INSERTED' },
  },
  refusedUpload({
    description: 'an upload without sourceName',
    query: { sourceRef: FRESH_SOURCE_REF },
    headers: { ...TOKEN_HEADER, ...TENANT_HEADER },
    overrides: { sourceName: null },
    http: 400,
    code: 'err.sourceNameMissing',
  }),
  refusedUpload({
    description: 'an upload without sourceRef',
    query: { sourceName: string(EXAMPLE.sourceName) },
    headers: { ...TOKEN_HEADER, ...TENANT_HEADER },
    overrides: { sourceRef: null },
    http: 400,
    code: 'err.sourceRefMissing',
  }),
  refusedUpload({
    description: 'an upload without a token',
    query: { sourceName: string(EXAMPLE.sourceName), sourceRef: FRESH_SOURCE_REF },
    headers: TENANT_HEADER,
    overrides: { token: null },
    http: 401,
    code: 'err.authTokenMissing',
  }),
  refusedUpload({
    description: 'an upload without a tenant',
    query: { sourceName: string(EXAMPLE.sourceName), sourceRef: FRESH_SOURCE_REF },
    headers: TOKEN_HEADER,
    overrides: { tenant: null },
    http: 400,
    code: 'err.tenantCodeMissing',
  }),
  {
    description: 'an upload of a batch that was already uploaded',
    given: [{ name: 'an import batch was already uploaded' }],
    request: {
      method: 'POST',
      path: API_PATHS.upload,
      query: {
        sourceName: fromProviderState('${sourceName}', EXAMPLE.sourceName),
        sourceRef: fromProviderState('${sourceRef}', EXAMPLE.sourceRef),
      },
      headers: {
        ...TOKEN_HEADER,
        'x-leaf-tenant-code': fromProviderState('${tenant}', EXAMPLE.tenant),
      },
      body: 'multipart',
    },
    response: { status: 400, body: refusalTemplate('err.importSourceRefExists') },
    send: (client) => upload(client, { sourceRef: EXAMPLE.sourceRef }),
    reads: { http: 400, errors: ['err.importSourceRefExists'] },
  },
];

interface RefusedUpload {
  readonly description: string;
  readonly query: ConsumerInteraction['request']['query'];
  readonly headers: ConsumerInteraction['request']['headers'];
  readonly overrides: MultipartUpload;
  readonly http: number;
  readonly code: string;
}

function refusedUpload(refusal: RefusedUpload): ConsumerInteraction {
  return {
    description: refusal.description,
    given: [],
    request: {
      method: 'POST',
      path: API_PATHS.upload,
      ...(refusal.query === undefined ? {} : { query: refusal.query }),
      ...(refusal.headers === undefined ? {} : { headers: refusal.headers }),
      body: 'multipart',
    },
    response: { status: refusal.http, body: refusalTemplate(refusal.code) },
    send: (client) => upload(client, refusal.overrides),
    reads: { http: refusal.http, errors: [refusal.code] },
  };
}
