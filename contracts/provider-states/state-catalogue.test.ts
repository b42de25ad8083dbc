import { describe, expect, it } from 'vitest';
import { describeCatalogue, STATE_CATALOGUE } from './state-catalogue.js';

describe('the provider-state catalogue', () => {
  it('holds exactly the states of reference section 12, with their parameters and values', () => {
    expect(
      STATE_CATALOGUE.map((entry) => ({
        name: entry.name,
        parameters: entry.parameters.map((parameter) => parameter.name),
        provides: entry.provides,
      })),
    ).toEqual([
      {
        name: 'an import process exists in status',
        parameters: ['status', 'valid', 'invalid', 'refused', 'tenant'],
        provides: ['importProcessId', 'tenant'],
      },
      {
        name: 'no import process exists with id',
        parameters: ['importProcessId'],
        provides: ['importProcessId'],
      },
      {
        name: 'a tenant holds a person',
        parameters: ['tenant', 'externalPersonId'],
        provides: ['tenant', 'externalPersonId'],
      },
      {
        name: 'an import batch was already uploaded',
        parameters: ['tenant', 'sourceName', 'sourceRef'],
        provides: ['tenant', 'sourceName', 'sourceRef'],
      },
      {
        name: 'a user exists',
        parameters: ['username', 'password'],
        provides: ['username', 'password'],
      },
    ]);
  });

  it('describes itself in one line for error messages', () => {
    expect(describeCatalogue()).toBe(
      '"an import process exists in status" (status, valid, invalid, refused, tenant); ' +
        '"no import process exists with id" (importProcessId); ' +
        '"a tenant holds a person" (tenant, externalPersonId); ' +
        '"an import batch was already uploaded" (tenant, sourceName, sourceRef); ' +
        '"a user exists" (username, password)',
    );
  });
});
