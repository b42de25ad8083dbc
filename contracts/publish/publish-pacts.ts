import { readFileSync } from 'node:fs';
import { sendRequest } from '../../client/send-request.js';
import { TargetError } from '../../errors/target-error.js';
import { PublishError } from '../errors/publish-error.js';
import type { BrokerConfig } from './broker-config.js';

/** The Pact Broker's endpoint for publishing contracts (broker 2.86 and later). */
const PUBLISH_PATH = '/contracts/publish';

export interface PublishRequest {
  /** Pact files; each consumer's files are published as one version of that consumer. */
  readonly files: readonly string[];
  readonly consumerVersion: string;
  readonly branch?: string;
  readonly tags?: readonly string[];
}

export interface PublishedVersion {
  readonly consumer: string;
  readonly contracts: number;
}

/** Publishes pact files to the broker, one request per consumer. */
export async function publishPacts(
  broker: BrokerConfig,
  request: PublishRequest,
): Promise<PublishedVersion[]> {
  const published: PublishedVersion[] = [];
  for (const [consumer, pacts] of groupByConsumer(request.files)) {
    // Step 1: the body the broker's publish endpoint takes.
    const body = JSON.stringify(publishBody(consumer, pacts, request));

    // Step 2: send it; a refusal quotes the broker's answer.
    const response = await sendRequest(
      { baseUrl: broker.url, timeoutMs: 30_000 },
      {
        method: 'POST',
        path: PUBLISH_PATH,
        headers: {
          'content-type': 'application/json',
          accept: 'application/hal+json',
          authorization: authorization(broker),
        },
        body,
        describeBody: `${pacts.length} pact(s) of ${consumer}`,
      },
    ).catch((cause: unknown) => {
      if (!(cause instanceof TargetError)) throw cause;
      throw new PublishError(`Could not reach the Pact Broker at ${broker.url}: ${cause.message}`, {
        cause,
      });
    });
    if (response.status < 200 || response.status > 299) {
      throw new PublishError(
        `The Pact Broker refused the pacts of ${consumer}: HTTP ${response.status} ` +
          `${JSON.stringify(response.body).slice(0, 300)}`,
      );
    }
    published.push({ consumer, contracts: pacts.length });
  }
  return published;
}

interface PactFile {
  readonly consumer: string;
  readonly provider: string;
  readonly text: string;
}

/** The JSON body of `POST /contracts/publish` for one consumer version. */
export function publishBody(
  consumer: string,
  pacts: readonly PactFile[],
  request: PublishRequest,
): Record<string, unknown> {
  return {
    pacticipantName: consumer,
    pacticipantVersionNumber: request.consumerVersion,
    ...(request.branch === undefined ? {} : { branch: request.branch }),
    ...(request.tags === undefined || request.tags.length === 0 ? {} : { tags: request.tags }),
    contracts: pacts.map((pact) => ({
      consumerName: pact.consumer,
      providerName: pact.provider,
      specification: 'pact',
      contentType: 'application/json',
      content: Buffer.from(pact.text).toString('base64'),
    })),
  };
}

function groupByConsumer(files: readonly string[]): Map<string, PactFile[]> {
  const groups = new Map<string, PactFile[]>();
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const pact = JSON.parse(text) as { consumer?: { name?: string }; provider?: { name?: string } };
    const consumer = pact.consumer?.name;
    const provider = pact.provider?.name;
    if (consumer === undefined || provider === undefined) {
      throw new PublishError(`${file} names no consumer or provider, so it is not a pact file.`);
    }
    groups.set(consumer, [...(groups.get(consumer) ?? []), { consumer, provider, text }]);
  }
  return groups;
}

function authorization(broker: BrokerConfig): string {
  if (broker.auth.kind === 'token') return `Bearer ${broker.auth.token}`;
  const pair = `${broker.auth.username}:${broker.auth.password}`;
  return `Basic ${Buffer.from(pair).toString('base64')}`;
}
