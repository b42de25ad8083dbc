import { describe, expect, it } from 'vitest';
import type { EntityRecord } from '../model/entity-record.js';
import type { ValidationProblem } from '../model/validation-problem.js';
import { summariseFile } from './file-summary.js';
import { formatValidateJson } from './format-validate-json.js';
import type { ValidateTotals } from './validate-files.js';
import type { FileVerdict } from './validate-file.js';

const person = (key: string): EntityRecord => ({
  type: 'PERSON.PERSON',
  key,
  reference: null,
  sourceJson: null,
  fieldProblems: [],
});

const problem = (errorCode: string, fieldName: string): ValidationProblem => ({
  rule: 'V-3',
  fieldName,
  errorCode,
  errorValue: null,
  errorMessage: `${fieldName} is required.`,
});

const TOTALS: ValidateTotals = {
  files: 1,
  entities: 2,
  valid: 1,
  invalid: 1,
  problems: 2,
  readyToSend: 0,
  rejected: 1,
  error: 0,
  durationMs: 500,
  stopped: false,
};

describe('formatValidateJson', () => {
  it('writes each problem as a piece of its own, and the pieces make one JSON document', () => {
    const pieces: string[] = [];
    const formatter = formatValidateJson({ write: (text) => pieces.push(text) });
    const verdict: FileVerdict = {
      status: 'REJECTED',
      bytes: 120,
      entities: [person('P-1'), person('P-2')],
      problems: [
        [
          problem('err.personGivenNameMissing', 'givenName'),
          problem('err.personSurnameMissing', 'surname'),
        ],
        [],
      ],
    };

    formatter.begin(['a.json']);
    formatter.file({
      file: 'a.json',
      verdict,
      summary: summariseFile(verdict),
      addedToTenant: false,
    });
    formatter.end(TOTALS);

    expect(pieces.filter((piece) => piece.includes('"errorCode"'))).toEqual([
      '\n{"type":"PERSON.PERSON","key":"P-1","rule":"V-3","fieldName":"givenName",' +
        '"errorCode":"err.personGivenNameMissing","errorValue":null,' +
        '"errorMessage":"givenName is required."}',
      ',\n{"type":"PERSON.PERSON","key":"P-1","rule":"V-3","fieldName":"surname",' +
        '"errorCode":"err.personSurnameMissing","errorValue":null,' +
        '"errorMessage":"surname is required."}',
    ]);
    const document = JSON.parse(pieces.join(''));
    expect(document.files[0].problemCount).toBe(2);
    expect(document.totals).toMatchObject({ durationMs: 500, entitiesPerSecond: 4 });
  });

  it('writes a valid document when no file was judged', () => {
    const pieces: string[] = [];
    const formatter = formatValidateJson({ write: (text) => pieces.push(text) });

    formatter.begin(['a.json']);
    formatter.end({ ...TOTALS, files: 0, entities: 0, stopped: true });

    expect(JSON.parse(pieces.join(''))).toMatchObject({ files: [], totals: { stopped: true } });
  });
});
