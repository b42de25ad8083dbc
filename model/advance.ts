import type { ReadResult } from './import-file/import-file-reader.js';
import type { ImportEntity, ImportProcess, ImportUpload } from './import-process.js';
import type { ModelContext, StepResult } from './model-context.js';
import { extractEntities, parseImportFile } from './parse-import-file.js';
import { recordTransition } from './record-transition.js';
import { resolveDispatch } from './resolve-dispatch.js';
import { newRowIds } from './row-ids.js';
import { pendingEntity, withState } from './tracked-entity.js';
import { judgeEntities } from './validation/validate-entities.js';

/**
 * Performs the one automatic transition a transient process is due (T-2 … T-11), or returns
 * `null` when the process is suspended or final and waits for a client or for nothing.
 */
export function advance(process: ImportProcess, context: ModelContext): StepResult | null {
  const { now } = context;
  const step = (next: ImportProcess, transition: StepResult['transition']): StepResult =>
    stepOf(next, transition, context);

  switch (process.status) {
    case 'INSERTED':
      return step(recordTransition(process, 'T-2', 'PARSING', now), 'T-2');

    case 'PARSING': {
      // A file spooled to disk is read as a stream by the simulator, which then finishes
      // parsing with what it read; the model reads only uploads held in memory.
      if (process.upload?.kind === 'file') return null;
      return finishParsing(process, readUpload(process.upload, context), context);
    }

    case 'PARSED': {
      const changes = { validationId: context.newId(), validationRowIds: newRowIds(context.newId) };
      return step(recordTransition(process, 'T-5', 'VALIDATING', now, changes), 'T-5');
    }

    case 'VALIDATING': {
      // Data validation is judged against the tenant as it is when validation ends.
      const problems = judgeEntities(process.entities, {
        tenant: context.tenant,
        sameFileReferences: context.options.sameFileReferences,
      });
      const entities = process.entities.map((entity, index): ImportEntity => {
        const found = problems[index] ?? [];
        return withState(entity, {
          problems: found,
          status: found.length > 0 ? 'INVALID' : 'VALID',
        });
      });
      const rejected = entities.some((entity) => entity.status === 'INVALID');
      return rejected
        ? step(recordTransition(process, 'T-6', 'REJECTED', now, { entities }), 'T-6')
        : step(recordTransition(process, 'T-7', 'APPROVED', now, { entities }), 'T-7');
    }

    case 'APPROVED':
    case 'PARTIALLY_APPROVED': {
      const entities = process.entities.map((entity): ImportEntity =>
        entity.status === 'VALID'
          ? withState(entity, { status: 'SENT', sends: entity.sends + 1 })
          : entity,
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

/**
 * T-3 or T-4: technical validation has read the stored file, which is not kept after it.
 * The simulator calls this itself when it has read a spooled file as a stream.
 */
export function finishParsing(
  process: ImportProcess,
  read: ReadResult,
  context: ModelContext,
): StepResult {
  const { now } = context;
  if (!read.ok) {
    const changes = { upload: null, technicalError: read.reason };
    return stepOf(recordTransition(process, 'T-3', 'ERROR', now, changes), 'T-3', context);
  }
  const entities = read.entities.map(pendingEntity);
  const next = recordTransition(process, 'T-4', 'PARSED', now, { upload: null, entities });
  return stepOf(next, 'T-4', context);
}

function stepOf(
  process: ImportProcess,
  transition: StepResult['transition'],
  context: ModelContext,
): StepResult {
  return { process, transition, created: [], removed: [], faults: context.faults };
}

function readUpload(upload: ImportUpload | null, context: ModelContext): ReadResult {
  if (upload === null) return { ok: false, reason: 'the upload was not stored' };
  const options = { referenceData: context.referenceData, limits: context.readLimits };
  return upload.kind === 'bytes'
    ? parseImportFile(upload.bytes, options)
    : extractEntities(upload.kind === 'document' ? upload.document : null, options);
}
