import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import {
  validAccount,
  validPerson,
  validTransaction,
} from '../../model/validation/test-fixtures.js';

/** Shares of a realistic migration: few persons, more accounts, mostly transactions. */
export const MIX = { persons: 0.05, accounts: 0.1, transactions: 0.85 } as const;

/** Fields of a documented transaction that a typical extract leaves out. */
const LEAN_TRANSACTION_DROPS = [
  'merchantInfo',
  'metaInfo',
  'counterparty',
  'labels',
  'filingCode',
  'paymentServiceProviderCode',
];

export interface GeneratedFile {
  readonly path: string;
  readonly entities: number;
  readonly bytes: number;
}

/**
 * Writes an import file of `entities` valid entities in the realistic mix, as one object with
 * three collections; accounts refer to persons and transactions to accounts of the same file.
 * The file is written element by element, so generating a million entities stays flat.
 */
export async function generateImportFile(
  path: string,
  entities: number,
  prefix = 'B',
): Promise<GeneratedFile> {
  const persons = Math.max(1, Math.round(entities * MIX.persons));
  const accounts = Math.max(1, Math.round(entities * MIX.accounts));
  const transactions = Math.max(0, entities - persons - accounts);
  const out = createWriteStream(path);
  let bytes = 0;
  const write = async (text: string): Promise<void> => {
    bytes += Buffer.byteLength(text);
    if (!out.write(text)) await once(out, 'drain');
  };

  // Step 1: the three collections, each element on its own line.
  const person = JSON.stringify(validPerson({}));
  const account = JSON.stringify(validAccount({}));
  const transaction = validTransaction({});
  for (const field of LEAN_TRANSACTION_DROPS) delete transaction[field];
  const lean = JSON.stringify(transaction);

  await write('{"persons": [\n');
  for (let n = 0; n < persons; n += 1) {
    const line = person.replace('"externalPersonId":"', `"externalPersonId":"${prefix}-P${n}-`);
    await write(`${n === 0 ? '' : ',\n'}${line}`);
  }
  await write('\n],\n"accounts": [\n');
  for (let n = 0; n < accounts; n += 1) {
    const line = account
      .replace('"externalAccountId":"', `"externalAccountId":"${prefix}-A${n}-`)
      .replace('"externalPersonId":"', `"externalPersonId":"${prefix}-P${n % persons}-`);
    await write(`${n === 0 ? '' : ',\n'}${line}`);
  }
  await write('\n],\n"transactions": [\n');
  for (let n = 0; n < transactions; n += 1) {
    const line = lean
      .replace(
        '"externalAccountTransactionId":"',
        `"externalAccountTransactionId":"${prefix}-T${n}-`,
      )
      .replace('"externalAccountId":"', `"externalAccountId":"${prefix}-A${n % accounts}-`);
    await write(`${n === 0 ? '' : ',\n'}${line}`);
  }
  await write('\n]}\n');

  // Step 2: everything is on disk before the benchmark reads it.
  out.end();
  await once(out, 'finish');
  return { path, entities: persons + accounts + transactions, bytes };
}
