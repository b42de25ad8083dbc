import { describe, expect, it } from 'vitest';
import { createProcess } from './create-process.js';

describe('createProcess', () => {
  it('T-1 creates a process in INSERTED that stores the file and nothing else yet', () => {
    const bytes = new TextEncoder().encode('{"persons": []}');

    const process = createProcess(
      {
        id: 'DIM-7',
        tenant: 'tenant-a',
        source: { sourceName: 'legacy-core', sourceRef: '00123', sourceLink: null },
        upload: { kind: 'bytes', bytes },
      },
      Date.UTC(2024, 0, 2, 3, 4, 5),
    );

    expect(process).toEqual({
      id: 'DIM-7',
      tenant: 'tenant-a',
      source: { sourceName: 'legacy-core', sourceRef: '00123', sourceLink: null },
      status: 'INSERTED',
      upload: { kind: 'bytes', bytes },
      technicalError: null,
      entities: [],
      validationId: null,
      validationRowIds: null,
      dispatchId: null,
      dispatchRowIds: null,
      history: [{ transition: 'T-1', from: null, to: 'INSERTED', at: '2024-01-02T03:04:05.000Z' }],
    });
  });
});
