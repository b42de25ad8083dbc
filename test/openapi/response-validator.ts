/**
 * Checks an answer of the simulator against `api/openapi.yaml`: the operation is found by
 * method and path pattern, its response by status, and the body is validated against that
 * response's JSON Schema (ajv, draft 2020-12, as OpenAPI 3.1 uses). Answers outside every
 * operation are checked against the standalone responses the description keeps for them.
 */
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { OpenApiDocument } from '../../api/openapi.js';

/** One answer as a test received it. */
export interface ObservedResponse {
  readonly method: string;
  /** The URL's path, still percent-encoded. */
  readonly path: string;
  readonly status: number;
  readonly contentType: string | null;
  /** The body as text; empty when there is none. */
  readonly text: string;
}

/** The standalone responses of the description, for answers outside every operation. */
const OUTSIDE = {
  methodNotAllowed: 'MethodNotAllowed',
  notFound: 'ResourceNotFound',
  internalError: 'InternalError',
} as const;

interface PathEntry {
  readonly template: string;
  readonly pattern: RegExp;
  readonly item: Readonly<Record<string, unknown>>;
}

/** ajv-formats is CommonJS; under NodeNext its default import is the module object. */
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;

export class ResponseValidator {
  readonly #document: OpenApiDocument;
  readonly #ajv: Ajv2020;
  readonly #paths: readonly PathEntry[];
  readonly #compiled = new Map<string, ValidateFunction>();

  constructor(document: OpenApiDocument) {
    this.#document = document;
    this.#ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false });
    addFormats(this.#ajv);
    // The whole description is one resource, so `#/components/...` references resolve; its
    // top-level fields are OpenAPI's, not JSON Schema keywords, and carry no constraint.
    this.#ajv.addVocabulary(OPENAPI_FIELDS);
    this.#ajv.addSchema(document, DOCUMENT_ID);
    this.#paths = Object.entries(document.paths).map(([template, item]) => ({
      template,
      pattern: templatePattern(template),
      item,
    }));
  }

  /** The problems of one answer; empty when it is what the description says. */
  check(response: ObservedResponse): string[] {
    // Step 1: the operation, or the standalone response for answers outside all of them.
    const method = response.method.toLowerCase();
    const found = this.#find(method, response.path);
    const pointer =
      response.status === 500
        ? `/components/responses/${OUTSIDE.internalError}`
        : found.kind === 'operation'
          ? this.#responsePointer(found.template, method, response.status)
          : `/components/responses/${found.kind === 'no-path' ? OUTSIDE.notFound : OUTSIDE.methodNotAllowed}`;
    if (pointer === null) {
      return [`status ${response.status} is not described for ${found.label}`];
    }

    // Step 2: the response's JSON body, if it has one.
    const { target, at } = this.#resolve(pointer);
    const content = (target['content'] as Record<string, { schema?: unknown }> | undefined)?.[
      'application/json'
    ];
    if (content === undefined) {
      return response.text === '' ? [] : [`${at} describes no body, but one came back`];
    }
    if (method === 'head') return [];
    if (!(response.contentType ?? '').startsWith('application/json')) {
      return [`content-type is ${String(response.contentType)}, not application/json (${at})`];
    }
    let body: unknown;
    try {
      body = JSON.parse(response.text);
    } catch {
      return [`the body is not JSON (${at}): ${response.text.slice(0, 200)}`];
    }

    // Step 3: the body against the response's schema.
    const validate = this.#validator(`${at}/content/application~1json/schema`);
    if (validate(body)) return [];
    return (validate.errors ?? []).map((error) => describe(error, at));
  }

  #find(
    method: string,
    path: string,
  ):
    | { kind: 'operation'; template: string; label: string }
    | { kind: 'no-method' | 'no-path'; label: string } {
    const matching = this.#paths.filter((entry) => entry.pattern.test(path));
    const withMethod = matching.find((entry) => entry.item[method] !== undefined);
    if (withMethod !== undefined) {
      const label = `${method.toUpperCase()} ${withMethod.template}`;
      return { kind: 'operation', template: withMethod.template, label };
    }
    const label = `${method.toUpperCase()} ${path}`;
    return { kind: matching.length > 0 ? 'no-method' : 'no-path', label };
  }

  /** The pointer of the response an operation gives for a status, or null if it has none. */
  #responsePointer(template: string, method: string, status: number): string | null {
    const operation = this.#document.paths[template]?.[method] as
      { responses?: Record<string, unknown> } | undefined;
    const responses = operation?.responses ?? {};
    const key = [String(status), `${String(status)[0]}XX`, 'default'].find(
      (candidate) => responses[candidate] !== undefined,
    );
    if (key === undefined) return null;
    return `/paths/${escape(template)}/${method}/responses/${key}`;
  }

  /** Follows a response's `$ref` to the component it names. */
  #resolve(pointer: string): { target: Record<string, unknown>; at: string } {
    const target = lookUp(this.#document, pointer) as Record<string, unknown>;
    const ref = target['$ref'];
    if (typeof ref !== 'string') return { target, at: pointer };
    const at = ref.replace(/^#/, '');
    return { target: lookUp(this.#document, at) as Record<string, unknown>, at };
  }

  #validator(pointer: string): ValidateFunction {
    let validate = this.#compiled.get(pointer);
    if (validate === undefined) {
      validate = this.#ajv.getSchema(`${DOCUMENT_ID}#${pointer}`);
      if (validate === undefined) throw new Error(`No schema at ${pointer} of the description`);
      this.#compiled.set(pointer, validate);
    }
    return validate;
  }
}

const DOCUMENT_ID = 'https://import-harness.invalid/openapi.json';

const OPENAPI_FIELDS = [
  'openapi',
  'info',
  'jsonSchemaDialect',
  'servers',
  'paths',
  'webhooks',
  'components',
  'security',
  'tags',
  'externalDocs',
];

/** `/api/v1/import/status/{importProcessId}` → a pattern with one segment per parameter. */
function templatePattern(template: string): RegExp {
  const source = template
    .split(/\{[^}]+\}/)
    .map((literal) => literal.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('[^/]+');
  return new RegExp(`^${source}$`);
}

function escape(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

function lookUp(document: unknown, pointer: string): unknown {
  return pointer
    .split('/')
    .slice(1)
    .map((token) => token.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce<unknown>(
      (node, token) => (node as Record<string, unknown> | undefined)?.[token],
      document,
    );
}

function describe(error: ErrorObject, at: string): string {
  const where = error.instancePath === '' ? 'the body' : error.instancePath;
  return `${where} ${error.message ?? 'is invalid'} ${JSON.stringify(error.params)} (${at})`;
}
