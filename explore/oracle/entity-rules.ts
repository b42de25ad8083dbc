/**
 * What each entity must satisfy on its own (V-1…V-5, V-11…V-13), per the field lists of
 * examples/README.md. Keys and references across entities are judged in judge-file.ts.
 */
import {
  ARRAY,
  codeFrom,
  COUNTRY,
  CURRENCY,
  DATE,
  DATE_TIME,
  FieldJudge,
  FINITE_NUMBER,
  isMissing,
  JSON_TEXT,
  MONEY,
  NON_EMPTY_ARRAY,
  OBJECT,
  POSITIVE_INTEGER,
  TEXT,
  type FieldKind,
} from './field-judge.js';
import type { Catalogues, EntityType, Problem } from './oracle-state.js';
import { isObject } from './read-import-file.js';

type Data = Record<string, unknown>;

const PERSON_SOURCE: FieldKind = {
  rule: 'V-3',
  accepts: (v) =>
    isObject(v) && typeof v['sourceName'] === 'string' && typeof v['sourceRef'] === 'string',
};
const OPTIONAL_PERSON_COUNTRIES = [
  'nationality',
  'countryOfBirth',
  'residencyCountryCode',
  'taxResidencyCountryCode',
];

export function entityProblems(type: EntityType, data: Data, catalogues: Catalogues): Problem[] {
  if (type === 'PERSON.PERSON') return personProblems(data, catalogues);
  if (type === 'ACCOUNT.ACCOUNT') return accountProblems(data, catalogues);
  if (type === 'ACCOUNT.ACCOUNT_TRANSACTION') return transactionProblems(data, catalogues);
  return contractProblems(data, catalogues);
}

function personProblems(data: Data, catalogues: Catalogues): Problem[] {
  const judge = new FieldJudge('person');
  judge.required('source', data['source'], PERSON_SOURCE);

  // Step 1: the name fields that the person type asks for.
  if (judge.required('personTypeCode', data['personTypeCode'], codeFrom(['P', 'L'], 'V-3'))) {
    const names = data['personTypeCode'] === 'P' ? ['givenName', 'surname'] : ['name'];
    for (const name of names) judge.required(name, data[name], TEXT);
  }

  // Step 2: optional fields, and the customer type with its documented field name (V-1).
  judge.optional('birthDate', data['birthDate'], DATE);
  for (const field of OPTIONAL_PERSON_COUNTRIES) judge.optional(field, data[field], COUNTRY);
  const customerType = data['customerTypeCode'];
  if (!isMissing(customerType) && !codeFrom(catalogues.customerType).accepts(customerType)) {
    judge.add('V-1', 'err.personCustomerTypeInvalid', 'customerType');
  }

  // Step 3: identification numbers, exactly one of them primary (V-2).
  const ids = data['identificationNumbers'];
  if (judge.required('identificationNumbers', ids, ARRAY)) {
    let primaries = 0;
    judge.items('identificationNumbers', ids, (item, at) => {
      judge.required(`${at}.idNumber`, item['idNumber'], TEXT);
      judge.required(`${at}.idCountryCode`, item['idCountryCode'], COUNTRY);
      if (item['primary'] === true) primaries += 1;
    });
    if (primaries !== 1) {
      judge.add('V-2', 'err.idNumberOnePrimaryRequired', 'identificationNumbers');
    }
  }
  if (judge.optional('taxNumbers', data['taxNumbers'], ARRAY)) {
    judge.items('taxNumbers', data['taxNumbers'], (item, at) =>
      judge.optional(`${at}.taxCountryCode`, item['taxCountryCode'], COUNTRY),
    );
  }

  // Step 4: addresses, one of them a complete registration address (V-12).
  const addresses = data['addresses'];
  if (judge.required('addresses', addresses, ARRAY)) {
    let registered = false;
    judge.items('addresses', addresses, (item, at) => {
      judge.optional(`${at}.countryCode`, item['countryCode'], COUNTRY);
      const complete = ['street1', 'cityCounty', 'countryCode'].every(
        (field) => typeof item[field] === 'string' && item[field] !== '',
      );
      if (item['addressTypeCode'] === 'R' && complete) registered = true;
    });
    if (!registered) {
      judge.add('V-12', 'err.addressRegistrationAtLeastOneRequired', 'addresses');
    }
  }
  return judge.problems;
}

function accountProblems(data: Data, catalogues: Catalogues): Problem[] {
  const judge = new FieldJudge('account');
  judge.required('externalPersonId', data['externalPersonId'], TEXT);
  judge.required('statusCode', data['statusCode'], codeFrom(catalogues.accountStatus));
  judge.required('accountTypeCode', data['accountTypeCode'], codeFrom(catalogues.accountType));
  judge.required('activationDate', data['activationDate'], DATE);
  judge.required('currencyCode', data['currencyCode'], CURRENCY);
  judge.optional('overdraftAmount', data['overdraftAmount'], MONEY);
  if (judge.optional('limits', data['limits'], ARRAY)) {
    judge.items('limits', data['limits'], (item, at) =>
      judge.optional(`${at}.amount`, item['amount'], MONEY),
    );
  }
  return judge.problems;
}

function transactionProblems(data: Data, catalogues: Catalogues): Problem[] {
  const judge = new FieldJudge('transaction');
  judge.required('externalAccountId', data['externalAccountId'], TEXT);
  judge.required('groupId', data['groupId'], TEXT);
  const typeCode = data['transactionTypeCode'];
  judge.required('transactionTypeCode', typeCode, codeFrom(catalogues.transactionType));
  judge.required('amount', data['amount'], MONEY);
  judge.required('initialBalanceAmount', data['initialBalanceAmount'], FINITE_NUMBER);

  // The two dates, and their order (V-11) once both are dates.
  const valueOk = judge.required('valueDate', data['valueDate'], DATE);
  const postingOk = judge.required('postingDate', data['postingDate'], DATE);
  if (valueOk && postingOk && String(data['valueDate']) > String(data['postingDate'])) {
    judge.add('V-11', 'err.transactionValueDateAfterPostingDate', 'valueDate');
  }

  judge.optional('merchantInfo', data['merchantInfo'], JSON_TEXT);
  judge.optional('metaInfo', data['metaInfo'], JSON_TEXT);
  judge.optional('transactionDTime', data['transactionDTime'], DATE_TIME);
  return judge.problems;
}

function contractProblems(data: Data, catalogues: Catalogues): Problem[] {
  const judge = new FieldJudge('contract');
  judge.required('externalPersonId', data['externalPersonId'], TEXT);
  judge.required('source', data['source'], OBJECT);
  judge.required('loanTypeCode', data['loanTypeCode'], TEXT);
  judge.required('statusCode', data['statusCode'], TEXT);
  judge.required('contractMoney', data['contractMoney'], MONEY);

  // The contract runs from startDate to endDate: an end before the start is the end's fault.
  const startOk = judge.required('startDate', data['startDate'], DATE);
  const endOk = judge.required('endDate', data['endDate'], DATE);
  if (startOk && endOk && String(data['startDate']) > String(data['endDate'])) {
    judge.add('V-3', 'err.contractEndDateInvalid', 'endDate');
  }

  judge.required('period', data['period'], POSITIVE_INTEGER);
  const components = data['components'];
  if (judge.required('components', components, NON_EMPTY_ARRAY)) {
    judge.items('components', components, (item, at) =>
      judge.required(
        `${at}.componentTypeCode`,
        item['componentTypeCode'],
        codeFrom(catalogues.componentType),
      ),
    );
  }
  return judge.problems;
}
