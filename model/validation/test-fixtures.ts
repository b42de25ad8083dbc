/**
 * Valid entities for tests, copied from the documented example payloads
 * (reference/examples/*.json). Each factory builds a fresh object, so a test may change it.
 */
import { ENTITY_TYPE_INFO, type EntityType } from '../entity-types.js';
import type { ParsedEntity } from '../parsed-entity.js';
import { DEFAULT_REFERENCE_DATA } from '../reference-data.js';
import type { TenantView } from '../tenant-view.js';
import type { ValidationProblem } from '../validation-problem.js';
import { validateEntities, type ValidationContext } from './validate-entities.js';

type Data = Record<string, unknown>;

/** The registration address of examples/person.json. */
export function registrationAddress(overrides: Data = {}): Data {
  return {
    addressTypeCode: 'R',
    street1: 'Fennstrasse 4',
    street2: 'string',
    cityCounty: 'Berlin',
    stateRegion: 'string',
    zip: '13347',
    countryCode: 'DE',
    moveInDate: '2023-02-15',
    validityRange: { startTime: '2023-02-15T14:26:28.741Z', endTime: '2023-02-15T14:26:28.741Z' },
    ...overrides,
  };
}

/** examples/person.json: `IM-P-00023`. */
export function validPerson(overrides: Data = {}): Data {
  return {
    externalPersonId: 'IM-P-00023',
    source: { sourceName: 'external', sourceRef: '1', sourceLink: 'string' },
    personTypeCode: 'P',
    givenName: 'Peter',
    middleName: 'Alexander',
    surname: 'Schmidt',
    name: 'string',
    statusCode: 'ACTIVE',
    birthDate: '1980-12-01',
    email: 'peter.schmidt@example.com',
    phoneNumber: '0901820',
    phoneNumberCountryCode: '+493',
    sex: 'M',
    nationality: 'DE',
    dependantPersons: 0,
    educationCode: 'HIGHER_EDUCATION',
    activityCode: 'SPECIALIST',
    housingTypeCode: 'PRIVATE',
    buildingTypeCode: 'PRIVATE_HOUSE',
    businessAreaCodes: ['LEGAL'],
    maritalStatusCode: 'MARRIED',
    employmentTimeCode: 'MORE_4_YEAR',
    customerTypeCode: 'PRIVATE',
    placeOfBirth: 'Berlin',
    countryOfBirth: 'DE',
    residencyCountryCode: 'DE',
    language: 'DE',
    taxResidencyCountryCode: 'DE',
    fixedEmploymentLength: 0,
    identificationNumbers: [{ idNumber: '12123456A123', idCountryCode: 'DE', primary: true }],
    taxNumbers: [
      {
        taxNumber: '12123456A123',
        taxNumberTypeCode: 'VAT_NUMBER',
        taxCountryCode: 'DE',
        primary: true,
      },
    ],
    pep: false,
    pepExplanation: 'string',
    usResident: false,
    tenantCode: 'string',
    addresses: [registrationAddress()],
    ...overrides,
  };
}

/** examples/account.json: `IM-A-00023` of person `IM-P-00023`. */
export function validAccount(overrides: Data = {}): Data {
  return {
    externalAccountId: 'IM-A-00023',
    externalPersonId: 'IM-P-00023',
    statusCode: 'ACTIVE',
    accountTypeCode: 'CURRENCY',
    activationDate: '2023-02-17',
    overdraftAmount: { amount: 1500, currencyCode: 'EUR' },
    accountName: 'My business account',
    personName: 'Peter Alexander Schmidt',
    source: { sourceName: 'external', sourceRef: '11', sourceLink: 'string' },
    residencyCountryCode: 'DE',
    customerGroupCode: 'GROUP_A',
    priceListTypeCode: 'STANDARD',
    currencyCode: 'EUR',
    accountInterestRate: 0,
    personTypeCode: 'P',
    accountNumbers: [
      {
        accountNumber: { value: 'DE89370400440532013000', type: 'IBAN' },
        countryCode: 'DE',
        financialInstitutionId: { value: 'MAINDE2XXXX', type: 'BIC' },
        defaultCurrencyCode: 'EUR',
      },
    ],
    limits: [{ amount: { amount: 1500, currencyCode: 'EUR' }, accountLimitTypeCode: 'string' }],
    ...overrides,
  };
}

/** examples/transaction.json: `ID-1000` on account `IM-A-00023`. */
export function validTransaction(overrides: Data = {}): Data {
  return {
    externalAccountTransactionId: 'ID-1000',
    externalAccountId: 'IM-A-00023',
    groupId: '1234',
    transactionTypeCode: 'CARD_PUR',
    amount: { amount: 1500, currencyCode: 'EUR' },
    initialBalanceAmount: 2000,
    valueDate: '2022-01-03',
    postingDate: '2022-01-03',
    details: 'Card purchase - New laptop purchase',
    source: { sourceName: 'string', sourceRef: 'string', sourceLink: 'string' },
    merchantInfo:
      '{"merchantName":"ComputerMARKT Gmbh","merchantAddress":"Berlin, Germany",' +
      '"terminalId":"54052345","merchantType":"5541"}',
    metaInfo: '{"campaignCode":"1979","customerGroup":"GOLD"}',
    transactionDTime: '2023-02-17T10:52:11.121Z',
    counterparty: {
      name: 'Peter Alexander Schmidt',
      accountNumber: { value: 'DE89370400440532013000', type: 'IBAN' },
      accountNumberCountryCode: 'EE',
      financialInstitutionId: { value: 'MAINDE2XXXX', type: 'BIC' },
    },
    endToEndId: '20210203-E000003',
    paymentServiceProviderCode: 'TUUM',
    labels: ['SEPA_REGULAR', 'ACC_VIRTUAL'],
    filingCode: '2022010300001011',
    ...overrides,
  };
}

/** The contract of examples/loan-contract.json: `EXT-C-1000` of person `EXT-P-1000`. */
export function validContract(overrides: Data = {}): Data {
  return {
    externalPersonId: 'EXT-P-1000',
    tuumPersonId: null,
    externalContractId: 'EXT-C-1000',
    source: { sourceName: 'MY-CONTRACT-DB', sourceRef: 'ID1000' },
    contractNumber: '900-100-1',
    loanTypeCode: 'SECURED_LOAN_TEST',
    preparationDate: '2023-03-18',
    signingDate: '2023-03-18',
    startDate: '2023-03-18',
    activationDate: '2023-03-18',
    endDate: '2053-04-18',
    statusCode: 'ACTIVE',
    period: 1,
    apr: 0,
    scheduleTypeCode: 'ANNUITY',
    limitMoney: { amount: 1500, currencyCode: 'EUR' },
    contractMoney: { amount: 1500, currencyCode: 'EUR' },
    countryCode: 'EE',
    tenantCode: 'MB',
    repayment: {
      monthlyRepaymentAmount: { amount: 1500, currencyCode: 'EUR' },
      paymentDay: 18,
    },
    hasCollateral: true,
    components: [
      {
        componentTypeCode: 'PRI',
        paymentInterval: 1,
        balanceMoney: { amount: 1500, currencyCode: 'EUR' },
      },
    ],
    ...overrides,
  };
}

/** The data without the given fields. */
export function without(data: Data, ...fields: string[]): Data {
  return Object.fromEntries(Object.entries(data).filter(([field]) => !fields.includes(field)));
}

/** A parsed entity whose key is read from the data (technical validation's job). */
export function entityOf(type: EntityType, data: Data): ParsedEntity {
  const key = data[ENTITY_TYPE_INFO[type].keyField];
  if (typeof key !== 'string') throw new Error(`fixture for ${type} has no key`);
  return { type, key, data };
}

export const person = (data: Data): ParsedEntity => entityOf('PERSON.PERSON', data);
export const account = (data: Data): ParsedEntity => entityOf('ACCOUNT.ACCOUNT', data);
export const transaction = (data: Data): ParsedEntity =>
  entityOf('ACCOUNT.ACCOUNT_TRANSACTION', data);
export const contract = (data: Data): ParsedEntity => entityOf('LOAN.CONTRACT', data);

/** A tenant that already holds exactly the given entities. */
export function tenantHolding(...entities: Array<readonly [EntityType, string]>): TenantView {
  const held = new Set(entities.map(([type, key]) => `${type} ${key}`));
  return { has: (type, key) => held.has(`${type} ${key}`) };
}

export function contextWith(overrides: Partial<ValidationContext> = {}): ValidationContext {
  return {
    tenant: tenantHolding(),
    sameFileReferences: false,
    referenceData: DEFAULT_REFERENCE_DATA,
    ...overrides,
  };
}

/** The problems of a single entity validated on its own. */
export function problemsOf(
  entity: ParsedEntity,
  context: ValidationContext,
): readonly ValidationProblem[] {
  return validateEntities([entity], context)[0] ?? [];
}

/** `{code, fieldName}` of each problem: enough to read which rules fired. */
export function codesAndFields(
  problems: readonly ValidationProblem[],
): Array<{ errorCode: string; fieldName: string | null }> {
  return problems.map(({ errorCode, fieldName }) => ({ errorCode, fieldName }));
}
