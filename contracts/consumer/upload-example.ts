import { MatchersV3, type Rules } from '@pact-foundation/pact';
import { personsFile, validPerson } from '../provider-states/import-files.js';

/** A fixed boundary, so the generated pact file is the same on every run. */
export const UPLOAD_BOUNDARY = 'import-harness-pact-boundary';

/** The import file of the example upload: one valid person, shaped like the documented one. */
export function exampleImportFile(key = 'PACT-EXAMPLE-P-1'): string {
  return personsFile([validPerson(key)]);
}

/**
 * The example multipart body, as the typed client sends it: one part named `file`, with a
 * file name and the JSON content type (H-1).
 */
export function multipartExample(): Buffer {
  return Buffer.from(
    [
      `--${UPLOAD_BOUNDARY}`,
      'Content-Disposition: form-data; name="file"; filename="import.json"',
      'Content-Type: application/json',
      '',
      exampleImportFile(),
      `--${UPLOAD_BOUNDARY}--`,
      '',
    ].join('\r\n'),
  );
}

/** Any boundary will do: each client picks its own. */
export const MULTIPART_CONTENT_TYPE = MatchersV3.regex(
  '^multipart/form-data;\\s*boundary=.+$',
  `multipart/form-data; boundary=${UPLOAD_BOUNDARY}`,
);

/**
 * The file part matches by type: any import file shaped like the example. (Pact's core
 * cannot match a JSON part by content type: it detects JSON as text/plain.)
 */
export const FILE_PART_RULES: Rules = {
  body: [{ path: '$.file', rules: [{ 'pact:matcher:type': 'type' }] }],
};
