/**
 * The import files that prepare a case's tenant (`given`): persons first, then the accounts
 * and contracts of those persons, then transactions on those accounts — each file valid once
 * the files before it are imported.
 */
import type { GivenPlan } from './case-plan.js';
import { pick, type KeyBook } from './key-book.js';

type Data = Record<string, unknown>;

export function givenFiles(plan: GivenPlan, keys: KeyBook): Array<Record<string, Data[]>> {
  // Step 1: keys for every entity, recorded as given.
  const keyed = <T>(type: Parameters<KeyBook['newKey']>[0], items: readonly T[]) =>
    items.map((item) => {
      const key = keys.newKey(type);
      keys.recordGiven(type, key);
      return { item, key };
    });
  const personOf = (index: number): string | undefined => pick(keys.given['PERSON.PERSON'], index);
  const accountOf = (index: number): string | undefined =>
    pick(keys.given['ACCOUNT.ACCOUNT'], index);

  // Step 2: the entities, each referring to a given one by index.
  const persons = keyed('PERSON.PERSON', plan.persons).map(({ item, key }) => ({
    ...item,
    externalPersonId: key,
  }));
  const withPersons = persons.length > 0;
  const accounts = keyed('ACCOUNT.ACCOUNT', withPersons ? plan.accounts : []).map(
    ({ item, key }) => ({
      ...item.body,
      externalAccountId: key,
      externalPersonId: personOf(item.person),
    }),
  );
  const contracts = keyed('LOAN.CONTRACT', withPersons ? plan.contracts : []).map(
    ({ item, key }) => ({
      ...item.body,
      externalContractId: key,
      externalPersonId: personOf(item.person),
    }),
  );
  const transactions = keyed(
    'ACCOUNT.ACCOUNT_TRANSACTION',
    accounts.length > 0 ? plan.transactions : [],
  ).map(({ item, key }) => ({
    ...item.body,
    externalAccountTransactionId: key,
    externalAccountId: accountOf(item.account),
  }));

  // Step 3: one file per dependency level, leaving out empty ones.
  const files: Array<Record<string, Data[]>> = [
    { persons },
    {
      ...(accounts.length > 0 ? { accounts } : {}),
      ...(contracts.length > 0 ? { contracts } : {}),
    },
    { transactions },
  ];
  return files.filter((file) => Object.values(file).some((list) => list.length > 0));
}
