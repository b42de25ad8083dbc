import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { ConfigError } from '../../errors/config-error.js';
import { DEFAULT_REFERENCE_DATA, type ReferenceData } from '../../model/reference-data.js';

const codes = z.array(z.string().min(1)).min(1);
const referenceDataFile = z.strictObject({
  customerTypeCodes: codes.optional(),
  transactionTypeCodes: codes.optional(),
  accountTypeCodes: codes.optional(),
  accountStatusCodes: codes.optional(),
  componentTypeCodes: codes.optional(),
});

/**
 * Reads a reference-data file: a JSON object with any of the catalogue lists. Lists it does
 * not name keep their defaults.
 */
export function loadReferenceData(file: string): ReferenceData {
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(file, 'utf8'));
  } catch (cause) {
    throw new ConfigError(
      `Cannot read the reference-data file ${file}: ${cause instanceof Error ? cause.message : String(cause)}. ` +
        'It must be a JSON object such as {"transactionTypeCodes": ["CARD_PUR", "FEE"]}.',
      { cause },
    );
  }
  const parsed = referenceDataFile.safeParse(value);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .map((issue) => `${issue.path.join('.') || '(top level)'}: ${issue.message}`)
      .join('; ');
    throw new ConfigError(
      `Invalid reference-data file ${file}: ${problems}. Allowed keys: ` +
        `${Object.keys(DEFAULT_REFERENCE_DATA).join(', ')}, each a non-empty list of codes.`,
    );
  }
  const lists = Object.fromEntries(
    Object.entries(parsed.data).filter(([, list]) => list !== undefined),
  ) as Partial<ReferenceData>;
  return { ...DEFAULT_REFERENCE_DATA, ...lists };
}
