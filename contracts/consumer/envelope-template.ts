import { MatchersV3 } from '@pact-foundation/pact';

const { eachLike, equal, string } = MatchersV3;

/** A successful answer: `errors` and `validationErrors` are null [doc, section 1]. */
export function successTemplate(data: unknown): Record<string, unknown> {
  return { errors: null, validationErrors: null, data };
}

/**
 * A refused request (section 11): `errors` holds exactly the code, each explanation names
 * it, and `data` is null. The wording of messages is the provider's.
 */
export function refusalTemplate(code: string): Record<string, unknown> {
  return {
    errors: [code],
    validationErrors: eachLike({
      errorCode: equal(code),
      errorMessage: string('What was refused, and how to put it right.'),
    }),
    data: null,
  };
}
