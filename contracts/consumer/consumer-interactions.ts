import { ACTION_INTERACTIONS } from './action-interactions.js';
import { AUTHORISE_INTERACTIONS } from './authorise-interactions.js';
import type { ConsumerInteraction } from './consumer-interaction.js';
import { STATUS_INTERACTIONS } from './status-interactions.js';
import { UPLOAD_INTERACTIONS } from './upload-interactions.js';

/** The whole consumer contract of the harness's client, in the order of the pact file. */
export const CONSUMER_INTERACTIONS: readonly ConsumerInteraction[] = [
  ...UPLOAD_INTERACTIONS,
  ...STATUS_INTERACTIONS,
  ...ACTION_INTERACTIONS,
  ...AUTHORISE_INTERACTIONS,
];
