/**
 * Every row of docs/bad-input.md the tests know, in the order of the document: the one list
 * the suite runs, and checks against the document.
 */
import { HEADER_AND_QUERY_ROWS } from './header-and-query-rows.js';
import { IMPORT_FILE_ROWS } from './import-file-rows.js';
import { JSON_BODY_ROWS } from './json-body-rows.js';
import { MULTIPART_BODY_ROWS } from './multipart-body-rows.js';
import { PATH_AND_TRANSPORT_ROWS } from './path-and-transport-rows.js';
import type { Row } from './row.js';

export const ROWS: readonly Row[] = [
  ...HEADER_AND_QUERY_ROWS,
  ...MULTIPART_BODY_ROWS,
  ...IMPORT_FILE_ROWS,
  ...JSON_BODY_ROWS,
  ...PATH_AND_TRANSPORT_ROWS,
];
