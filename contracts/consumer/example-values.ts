/**
 * The example values of the consumer contract: what the mock provider answers in consumer
 * tests. Against a real provider, matchers and provider-state values take their place.
 */
export const EXAMPLE = {
  token: 'import-harness',
  tenant: 'harness',
  sourceName: 'import-harness',
  sourceRef: 'PACT-BATCH-1',
  importProcessId: 'DIM-1000',
  unknownProcessId: 'DIM-404',
  username: 'import-harness',
  password: 'import-harness',
} as const;

/** The four entity types, exactly as rows and validation errors name them (section 5). */
export const ENTITY_TYPE_PATTERN =
  '^(ACCOUNT\\.ACCOUNT_TRANSACTION|ACCOUNT\\.ACCOUNT|LOAN\\.CONTRACT|PERSON\\.PERSON)$';

/** `err.<entity><Field><Problem>` and the other codes of sections 8 and 11. */
export const ERROR_CODE_PATTERN = '^err\\.[A-Za-z]+$';
