import { describe, expect, it } from 'vitest';
import { inferTransitions } from './infer-transitions.js';

describe('inferTransitions', () => {
  it('fills in the automatic path between an upload answer and a later status', () => {
    expect(inferTransitions(['INSERTED', 'REJECTED'])).toEqual(['T-1', 'T-2', 'T-4', 'T-5', 'T-6']);
  });

  it('counts an action between two observed statuses', () => {
    expect(
      inferTransitions(['INSERTED', 'REJECTED', 'PARTIALLY_APPROVED', 'PARTIALLY_DONE']),
    ).toEqual(['T-1', 'T-2', 'T-4', 'T-5', 'T-6', 'T-13', 'T-8', 'T-10']);
  });

  it('tells a discard from FAILED (T-14) from one from REJECTED (T-12)', () => {
    expect(inferTransitions(['FAILED', 'DISCARDED'])).toEqual(['T-14']);
    expect(inferTransitions(['REJECTED', 'DISCARDED'])).toEqual(['T-12']);
  });

  it('follows a retry that fails again', () => {
    expect(inferTransitions(['FAILED', 'SENDING', 'FAILED'])).toEqual(['T-16', 'T-11']);
  });

  it('claims no T-1 when the upload answer was not seen', () => {
    expect(inferTransitions(['DONE'])).toEqual([]);
  });
});
