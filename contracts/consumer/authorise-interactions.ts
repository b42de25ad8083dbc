import { MatchersV3 } from '@pact-foundation/pact';
import { API_PATHS } from '../../api/endpoints.js';
import type { ConsumerInteraction } from './consumer-interaction.js';
import { successTemplate } from './envelope-template.js';
import { EXAMPLE } from './example-values.js';

const { fromProviderState, string } = MatchersV3;

/** H-7: a login with the credentials of a user the provider knows. */
export const AUTHORISE_INTERACTIONS: readonly ConsumerInteraction[] = [
  {
    description: 'a login with the credentials of a known user',
    given: [
      {
        name: 'a user exists',
        params: { username: EXAMPLE.username, password: EXAMPLE.password },
      },
    ],
    request: {
      method: 'POST',
      path: API_PATHS.authorise,
      headers: { 'content-type': 'application/json' },
      body: {
        json: {
          username: fromProviderState('${username}', EXAMPLE.username),
          password: fromProviderState('${password}', EXAMPLE.password),
        },
      },
    },
    response: {
      status: 200,
      body: successTemplate({ token: string('6f1c1d5e-0b7a-4d0e-9a55-2f4b8c1e7a10') }),
    },
    send: (client) => client.authorise(EXAMPLE.username, EXAMPLE.password),
    reads: { http: 200 },
  },
];
