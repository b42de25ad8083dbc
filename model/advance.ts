import type { ImportEntity, ImportProcess, ImportUpload } from './import-process.js';
import type { ModelContext, StepResult } from './model-context.js';
import { extractEntities, parseImportFile, type ParseResult } from './parse-import-file.js';
import { recordTransition } from './record-transition.js';
import { resolveDispatch } from './resolve-dispatch.js';
import { newRowIds } from './row-ids.js';
import { validateEntities } from './validation/validate-entities.js';

/**
 * Performs the one automatic transition a transient process is due (T-2 … T-11), or returns
 * `null` when the process is suspended or final and waits for a client or for nothing.
 */
export function advance(process: ImportProcess, context: ModelContext): StepResult | null {
  const { now } = context;
  const step = (next: ImportProcess, transition: StepResult['transition']): StepResult => ({
    process: next,
    transition,
    created: [],
    removed: [],
    faults: context.faults,
  });

  switch (process.status) {
    case 'INSERTED':
      return step(recordTransition(process, 'T-2', 'PARSING', now), 'T-2');

    case 'PARSING': {
      // Technical validation reads the stored file once; the file is not kept after it.
      const parsed = parseUpload(process.upload);
      if (!parsed.ok) {
        const changes = { upload: null, technicalError: parsed.reason };
        return step(recordTransition(process, 'T-3', 'ERROR', now, changes), 'T-3');
      }
      const entities = parsed.entities.map((entity): ImportEntity => ({
        ...entity,
        status: 'PENDING',
        problems: [],
        sends: 0,
        retrySends: 0,
        lastSend: null,
        refusal: null,
      }));
      return step(
        recordTransition(process, 'T-4', 'PARSED', now, { upload: null, entities }),
        'T-4',
      );
    }

    case 'PARSED': {
      const changes = { validationId: context.newId(), validationRowIds: newRowIds(context.newId) };
      return step(recordTransition(process, 'T-5', 'VALIDATING', now, changes), 'T-5');
    }

    case 'VALIDATING': {
      // Data validation is judged against the tenant as it is when validation ends.
      const problems = validateEntities(process.entities, {
        tenant: context.tenant,
        sameFileReferences: context.options.sameFileReferences,
        referenceData: context.referenceData,
      });
      const entities = process.entities.map((entity, index): ImportEntity => {
        const found = problems[index] ?? [];
        return { ...entity, problems: found, status: found.length > 0 ? 'INVALID' : 'VALID' };
      });
      const rejected = entities.some((entity) => entity.status === 'INVALID');
      return rejected
        ? step(recordTransition(process, 'T-6', 'REJECTED', now, { entities }), 'T-6')
        : step(recordTransition(process, 'T-7', 'APPROVED', now, { entities }), 'T-7');
    }

    case 'APPROVED':
    case 'PARTIALLY_APPROVED': {
      const entities = process.entities.map((entity): ImportEntity =>
        entity.status === 'VALID' ? { ...entity, status: 'SENT', sends: entity.sends + 1 } : entity,
      );
      const dispatch =
        process.dispatchId === null
          ? { dispatchId: context.newId(), dispatchRowIds: newRowIds(context.newId) }
          : {};
      const next = recordTransition(process, 'T-8', 'SENDING', now, { ...dispatch, entities });
      return step(next, 'T-8');
    }

    case 'SENDING':
      return resolveDispatch(process, context);

    default:
      return null;
  }
}

function parseUpload(upload: ImportUpload | null): ParseResult {
  if (upload === null) return { ok: false, reason: 'the upload was not stored' };
  return upload.kind === 'bytes' ? parseImportFile(upload.bytes) : extractEntities(upload.document);
}
