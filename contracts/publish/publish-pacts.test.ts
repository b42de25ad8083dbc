import { describe, expect, it } from 'vitest';
import { publishBody } from './publish-pacts.js';

describe('publishBody', () => {
  it('publishes each pact base64-encoded under the consumer version, branch and tags', () => {
    const text = '{"consumer":{"name":"c"},"provider":{"name":"p"},"interactions":[]}';

    const body = publishBody('c', [{ consumer: 'c', provider: 'p', text }], {
      files: [],
      consumerVersion: '1.2.3',
      branch: 'main',
      tags: ['prod'],
    });

    expect(body).toEqual({
      pacticipantName: 'c',
      pacticipantVersionNumber: '1.2.3',
      branch: 'main',
      tags: ['prod'],
      contracts: [
        {
          consumerName: 'c',
          providerName: 'p',
          specification: 'pact',
          contentType: 'application/json',
          content: Buffer.from(text).toString('base64'),
        },
      ],
    });
  });

  it('leaves out a branch and tags that were not given', () => {
    const body = publishBody('c', [], { files: [], consumerVersion: '1' });

    expect(Object.keys(body)).toEqual(['pacticipantName', 'pacticipantVersionNumber', 'contracts']);
  });
});
