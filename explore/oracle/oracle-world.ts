/**
 * The oracle: a predictive model of a provider that follows the reference, written without
 * model/ or simulator/. Feed it what a client does — uploads, status reads, actions — and it
 * answers what the client must see: HTTP status, status code, error codes, the status rows
 * and the entities created. It predicts `instant` pace: each change runs on to the next
 * suspended or final status before the next request.
 */
import { ALLOWED_FROM, ACTION_NAMES, performAction, type ActionName } from './client-actions.js';
import { settleUpload } from './process-life.js';
import { readImportBytes, readImportDocument } from './read-import-file.js';
import { statusView, type StatusView } from './status-view.js';
import {
  DEFAULT_CATALOGUES,
  type EntityType,
  type OracleOptions,
  type OracleProcess,
  type ProcessStatus,
  type TenantEntity,
  type WorldState,
} from './oracle-state.js';

/** What the client must see in the answer to one request. */
export interface Answer {
  readonly http: number;
  readonly status?: ProcessStatus;
  /** `errors` codes of a refused request. */
  readonly errors?: readonly string[];
  /** The process the answer is about. */
  readonly process?: string;
}

/** Headers of a request, as the client sends them. */
export interface RequestChoices {
  /** `x-leaf-tenant-code`; null when not sent. */
  readonly tenant: string | null;
  readonly tokenSent: boolean;
  readonly requestId: string | null;
}

export interface UploadRequest extends RequestChoices {
  /** How later steps name the process. */
  readonly handle: string;
  readonly sourceName: string | null;
  readonly sourceRef: string | null;
  /** H-1 sends the bytes of one part; H-8 a JSON document. */
  readonly body:
    | { readonly via: 'multipart'; readonly bytes: Uint8Array }
    | { readonly via: 'json'; readonly document: unknown };
}

export interface FaultSpec {
  readonly type?: EntityType | undefined;
  readonly key?: string | undefined;
  readonly refuse: 'every' | { readonly first: number };
}

const NOT_FOUND: Answer = { http: 404, errors: ['err.importProcessNotFound'] };
const NO_TOKEN: Answer = { http: 401, errors: ['err.authTokenMissing'] };

export class OracleWorld {
  readonly #state: WorldState;

  constructor(options: Partial<OracleOptions> = {}, state?: WorldState) {
    this.#state = state ?? {
      options: {
        sameFileReferences: options.sameFileReferences ?? false,
        discardFromFailed: options.discardFromFailed ?? 'keep-created',
        uniqueSourceRef: options.uniqueSourceRef ?? true,
        catalogues: options.catalogues ?? DEFAULT_CATALOGUES,
      },
      processes: {},
      entities: [],
      claims: {},
      faults: [],
      answers: {},
      uploads: 0,
    };
  }

  /** An independent copy, for predicting each order of a race. */
  clone(): OracleWorld {
    return new OracleWorld({}, structuredClone(this.#state));
  }

  /** A canonical text of the state, to tell worlds apart. */
  fingerprint(): string {
    return JSON.stringify(this.#state);
  }

  addFault(fault: FaultSpec): void {
    this.#state.faults.push({ type: fault.type, key: fault.key, refuse: fault.refuse, sends: 0 });
  }

  /** H-1 / H-8, then the process's automatic life. */
  upload(request: UploadRequest): Answer {
    const world = this.#state;

    // Step 1: the token, a repeated request id, then every problem of the request at once.
    if (!request.tokenSent) return NO_TOKEN;
    const stored = request.requestId === null ? undefined : world.answers[request.requestId];
    if (stored !== undefined) return replay(stored);
    const errors = [
      ...(isBlank(request.sourceName) ? ['err.sourceNameMissing'] : []),
      ...(isBlank(request.sourceRef) ? ['err.sourceRefMissing'] : []),
      ...(isBlank(request.tenant) ? ['err.tenantCodeMissing'] : []),
    ];
    if (errors.length > 0) return { http: 400, errors };

    // Step 2: a batch is imported once per tenant while its claim holds.
    const tenant = request.tenant ?? '';
    const batch = JSON.stringify([tenant, request.sourceName, request.sourceRef]);
    if (world.options.uniqueSourceRef && world.claims[batch] !== undefined) {
      return { http: 400, errors: ['err.importSourceRefExists'] };
    }

    // Step 3: T-1, answered INSERTED; the process then runs on.
    world.uploads += 1;
    const process: OracleProcess = {
      handle: request.handle,
      tenant,
      batch,
      status: 'INSERTED',
      entities: [],
      validated: false,
      dispatched: false,
      transitions: ['T-1'],
    };
    world.processes[request.handle] = process;
    world.claims[batch] = request.handle;
    const file =
      request.body.via === 'multipart'
        ? readImportBytes(request.body.bytes)
        : readImportDocument(request.body.document);
    settleUpload(world, process, file);
    return remember(world, request.requestId, {
      http: 202,
      status: 'INSERTED',
      process: process.handle,
    });
  }

  /** H-2: the status object of a process. */
  read(handle: string, choices: Omit<RequestChoices, 'requestId'>): Answer & { view?: StatusView } {
    if (!choices.tokenSent) return NO_TOKEN;
    const process = this.#find(handle, choices.tenant);
    if (process === undefined) return NOT_FOUND;
    return { http: 200, status: process.status, process: handle, view: statusView(process) };
  }

  /** H-3…H-6: one action, answered with the status its own transition produced. */
  act(handle: string, action: ActionName, choices: RequestChoices): Answer {
    const world = this.#state;
    if (!choices.tokenSent) return NO_TOKEN;
    const stored = choices.requestId === null ? undefined : world.answers[choices.requestId];
    if (stored !== undefined) return replay(stored);

    const process = this.#find(handle, choices.tenant);
    if (process === undefined) return NOT_FOUND;
    if (!ALLOWED_FROM[action].includes(process.status)) {
      return { http: 400, errors: ['err.importProcessStatusInvalid'] };
    }
    const status = performAction(world, process, action);
    return remember(world, choices.requestId, { http: 200, status, process: handle });
  }

  /** The actions the process's current status allows. */
  allowedActions(handle: string): ActionName[] {
    const status = this.#state.processes[handle]?.status;
    return ACTION_NAMES.filter(
      (action) => status !== undefined && ALLOWED_FROM[action].includes(status),
    );
  }

  process(handle: string): Readonly<OracleProcess> | undefined {
    return this.#state.processes[handle];
  }

  /** The entities created in a tenant. */
  created(tenant: string): readonly TenantEntity[] {
    return this.#state.entities.filter((entity) => entity.tenant === tenant);
  }

  #find(handle: string, tenant: string | null): OracleProcess | undefined {
    const process = this.#state.processes[handle];
    // Another tenant's process answers as an unknown one.
    if (process === undefined || (!isBlank(tenant) && tenant !== process.tenant)) return undefined;
    return process;
  }
}

/** A successful answer claims its request id; a refused one does not. */
function remember(world: WorldState, requestId: string | null, answer: Answer): Answer {
  if (requestId !== null && answer.http < 300) {
    world.answers[requestId] = {
      http: answer.http,
      status: answer.status ?? null,
      process: answer.process ?? null,
    };
  }
  return answer;
}

function replay(stored: WorldState['answers'][string]): Answer {
  return {
    http: stored.http,
    ...(stored.status === null ? {} : { status: stored.status }),
    ...(stored.process === null ? {} : { process: stored.process }),
  };
}

function isBlank(value: string | null): boolean {
  return value === null || value === '';
}
