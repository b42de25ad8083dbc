/**
 * The OpenAPI 3.1 description of the simulated API (`api/openapi.yaml`): read once, served by
 * the simulator at `GET /openapi.json`, linted in CI, and used by the HTTP tests to check
 * every answer they receive.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { FileError } from '../errors/file-error.js';
import { CONTROL_PREFIX } from './endpoints.js';

/** Where the description lives; YAML, so that it can carry comments and stay readable. */
export const OPENAPI_FILE = fileURLToPath(new URL('./openapi.yaml', import.meta.url));

/** The parts of an OpenAPI document this project reads; the rest is passed through. */
export interface OpenApiDocument {
  readonly openapi: string;
  readonly info: Readonly<Record<string, unknown>>;
  readonly paths: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  readonly components?: Readonly<Record<string, unknown>>;
  readonly [key: string]: unknown;
}

let loaded: OpenApiDocument | undefined;

/**
 * The description in `api/openapi.yaml`, read on first use and kept: parsing it takes 100 ms
 * or more, which every embedded simulator start would otherwise pay.
 */
export function loadOpenApiDescription(): OpenApiDocument {
  loaded ??= readOpenApiDescription();
  return loaded;
}

/** Reads and parses a description; a missing or broken file is a FileError. */
export function readOpenApiDescription(file: string = OPENAPI_FILE): OpenApiDocument {
  let document: unknown;
  try {
    document = parse(readFileSync(file, 'utf8'));
  } catch (cause) {
    throw new FileError(file, `Cannot read the OpenAPI description ${file}.`, { cause });
  }

  const candidate = document as Partial<OpenApiDocument> | null;
  if (typeof candidate?.openapi !== 'string' || typeof candidate.paths !== 'object') {
    throw new FileError(
      file,
      `The OpenAPI description ${file} has no "openapi" version or no "paths". ` +
        'Restore it from version control.',
    );
  }
  return document as OpenApiDocument;
}

/**
 * The description as one simulator serves it: without the control API's paths and tag when
 * that API is not mounted, so a client reads only what it can call.
 */
export function describeSimulator(
  document: OpenApiDocument,
  options: { readonly controlApi: boolean },
): OpenApiDocument {
  if (options.controlApi) return document;

  const paths = Object.fromEntries(
    Object.entries(document.paths).filter(([path]) => !path.startsWith(`${CONTROL_PREFIX}/`)),
  );
  const tags = Array.isArray(document['tags'])
    ? (document['tags'] as ReadonlyArray<{ name?: unknown }>).filter(
        (tag) => tag.name !== CONTROL_TAG,
      )
    : undefined;
  return { ...document, paths, ...(tags === undefined ? {} : { tags }) };
}

/** The tag of the control API's operations in the description. */
export const CONTROL_TAG = 'Simulator control';
