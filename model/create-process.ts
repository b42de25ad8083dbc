import type { ImportProcess, ImportUpload, ProcessSource } from './import-process.js';

export interface NewProcess {
  readonly id: string;
  readonly tenant: string;
  readonly source: ProcessSource;
  readonly upload: ImportUpload;
}

/** T-1: an accepted upload becomes a process in `INSERTED`, its file stored. */
export function createProcess(input: NewProcess, now: number): ImportProcess {
  return {
    id: input.id,
    tenant: input.tenant,
    source: input.source,
    status: 'INSERTED',
    upload: input.upload,
    technicalError: null,
    entities: [],
    validationId: null,
    validationRowIds: null,
    dispatchId: null,
    dispatchRowIds: null,
    history: [{ transition: 'T-1', from: null, to: 'INSERTED', at: new Date(now).toISOString() }],
  };
}
