import {
  type Capabilities,
  capabilitiesSchema,
  contactSchema,
  EMPLOYEE_COUNT_BANDS,
  enterpriseAccountSchema,
  enterpriseProfileSchema,
  licenceChangeSchema,
  licencePreviewSchema,
  licenceStateSchema,
  listAccountsQuerySchema,
  listReferralsQuerySchema,
  provisionAccountInputSchema,
  referralInputSchema,
  referralPatchSchema,
  referralSchema,
} from '@channelkit/types';
import { describe, expect, it } from 'vitest';
import { account, adminInput, licence, profileInput, referral, referralInput } from './fixtures';

function issuesOf(result: { error?: { issues: { path: PropertyKey[]; message: string }[] } | undefined }) {
  return result.error?.issues.map(({ path, message }) => ({ path, message }));
}

describe('enterpriseProfileSchema', () => {
  it('normalises what a user types', () => {
    expect(enterpriseProfileSchema.parse(profileInput)).toEqual({
      ...profileInput,
      legalName: '上海示例科技有限公司',
      creditCode: '91310000MA1FL4B24G',
      country: 'CN',
    });
  });

  it('requires the credit code for mainland customers, and says so', () => {
    const { creditCode: _, ...withoutCode } = profileInput;
    expect(issuesOf(enterpriseProfileSchema.safeParse(withoutCode))).toEqual([
      {
        path: ['creditCode'],
        message:
          "is required when country is 'CN': mainland customers are corporate customers only, identified by their 18-character Unified Social Credit Code (统一社会信用代码) on the business licence",
      },
    ]);
    expect(enterpriseProfileSchema.safeParse({ ...withoutCode, country: 'HK' }).success).toBe(true);
  });

  it('refuses a mistyped credit code with the broken rule', () => {
    const result = enterpriseProfileSchema.safeParse({ ...profileInput, creditCode: '91310000MA1FL4B24H' });
    expect(issuesOf(result)).toEqual([
      {
        path: ['creditCode'],
        message:
          'The check character (position 18) does not match the rest of the code: a character is probably mistyped.',
      },
    ]);
  });

  it('names each field that breaks a rule', () => {
    const result = enterpriseProfileSchema.safeParse({
      legalName: '   ',
      creditCode: '91310000MA1FL4B24G',
      country: 'CN',
      industry: 'x'.repeat(101),
      employeeCount: '50-100',
      website: 'ftp://example.cn',
      address: { line1: 'x', city: '上海', country: 'China' },
    });
    expect(issuesOf(result)).toEqual([
      { path: ['legalName'], message: 'must not be empty (after trimming spaces)' },
      { path: ['industry'], message: 'must be at most 100 characters; this one has 101. Shorten it' },
      {
        path: ['employeeCount'],
        message: `must be one of: ${EMPLOYEE_COUNT_BANDS.map((b) => `'${b}'`).join(', ')}`,
      },
      {
        path: ['website'],
        message: 'must be a public http(s) address with a domain name, e.g. https://www.example.cn',
      },
      {
        path: ['address', 'country'],
        message: "must be an assigned ISO 3166-1 alpha-2 country code, e.g. 'CN', 'HK', 'US'",
      },
    ]);
  });

  it('allows 200 characters of legal name and refuses 201', () => {
    const base = { ...profileInput, creditCode: undefined, country: 'SG' };
    expect(enterpriseProfileSchema.safeParse({ ...base, legalName: '公'.repeat(200) }).success).toBe(true);
    expect(issuesOf(enterpriseProfileSchema.safeParse({ ...base, legalName: '公'.repeat(201) }))).toEqual([
      { path: ['legalName'], message: 'must be at most 200 characters; this one has 201. Shorten it' },
    ]);
  });
});

describe('contactSchema', () => {
  it('normalises e-mail and mobile', () => {
    expect(contactSchema.parse(adminInput)).toEqual({
      ...adminInput,
      email: 'Li.Wei@example.cn',
      mobile: '+8613800138000',
    });
  });

  it('checks +86 numbers as mainland mobiles', () => {
    expect(issuesOf(contactSchema.safeParse({ ...adminInput, mobile: '+86 21 5555 0100' }))).toEqual([
      {
        path: ['mobile'],
        message:
          'must be a mainland China mobile number: +86 followed by 11 digits starting 13–19, e.g. +86 138 0013 8000',
      },
    ]);
  });

  it('reports missing names', () => {
    const { firstName: _, ...rest } = adminInput;
    expect(issuesOf(contactSchema.safeParse(rest))).toEqual([
      { path: ['firstName'], message: 'is required' },
    ]);
  });
});

describe('provisionAccountInputSchema', () => {
  it('accepts the minimum and the optional fields', () => {
    expect(provisionAccountInputSchema.parse({ profile: profileInput, admin: adminInput })).toMatchObject({
      profile: { creditCode: '91310000MA1FL4B24G' },
      admin: { mobile: '+8613800138000' },
    });
    expect(
      provisionAccountInputSchema.parse({
        profile: profileInput,
        admin: adminInput,
        seats: 50,
        plan: 'business',
        externalId: 'crm-42',
      }),
    ).toMatchObject({ seats: 50, plan: 'business', externalId: 'crm-42' });
  });

  it('refuses bad seats, plan and external id with the field named', () => {
    const result = provisionAccountInputSchema.safeParse({
      profile: profileInput,
      admin: adminInput,
      seats: 0,
      plan: 'p'.repeat(65),
      externalId: '',
    });
    expect(issuesOf(result)).toEqual([
      { path: ['seats'], message: 'must be at least 1 seat' },
      { path: ['plan'], message: 'must be at most 64 characters; this one has 65. Shorten it' },
      { path: ['externalId'], message: 'must not be empty (after trimming spaces)' },
    ]);
  });

  it('reports nested fields with their full path', () => {
    const result = provisionAccountInputSchema.safeParse({
      profile: { ...profileInput, creditCode: undefined },
      admin: { ...adminInput, email: 'nope' },
    });
    expect(issuesOf(result)?.map((issue) => issue.path)).toEqual([
      ['profile', 'creditCode'],
      ['admin', 'email'],
    ]);
  });
});

describe('enterpriseAccountSchema', () => {
  it('accepts an account with a partial profile', () => {
    expect(enterpriseAccountSchema.parse(account)).toEqual(account);
    expect(enterpriseAccountSchema.parse({ ...account, profile: { country: 'cn' } }).profile).toEqual({
      country: 'CN',
    });
  });

  it('refuses malformed partner ids, unknown statuses and offset-less timestamps', () => {
    const result = enterpriseAccountSchema.safeParse({
      ...account,
      partner: 'Teams!',
      status: 'deleted',
      createdAt: '2025-03-31 09:30',
    });
    expect(issuesOf(result)?.map((issue) => issue.path)).toEqual([['partner'], ['status'], ['createdAt']]);
  });
});

describe('listAccountsQuerySchema', () => {
  it('accepts an empty query', () => {
    expect(listAccountsQuerySchema.parse({})).toEqual({});
    expect(listAccountsQuerySchema.parse({ status: 'suspended', pageSize: 300 })).toEqual({
      status: 'suspended',
      pageSize: 300,
    });
  });

  it('bounds the page size', () => {
    expect(issuesOf(listAccountsQuerySchema.safeParse({ pageSize: 301 }))).toEqual([
      { path: ['pageSize'], message: 'must be at most 300' },
    ]);
    expect(issuesOf(listAccountsQuerySchema.safeParse({ pageSize: 0 }))).toEqual([
      { path: ['pageSize'], message: 'must be at least 1' },
    ]);
  });
});

describe('licences', () => {
  it('accepts a licence state, with or without a term', () => {
    expect(licenceStateSchema.parse(licence)).toEqual(licence);
    const { term: _, ...withoutTerm } = licence;
    expect(
      licenceStateSchema.parse({ ...withoutTerm, seats: { purchased: 0, assigned: 0, cap: 0, pending: 0 } }),
    ).toBeTruthy();
  });

  it('refuses negative seats and terms ending before they start', () => {
    const result = licenceStateSchema.safeParse({
      ...licence,
      seats: { purchased: -1, assigned: 1.5 },
      term: { start: '2025-04-01', end: '2025-03-31' },
      commitment: 'weekly',
    });
    expect(issuesOf(result)).toEqual([
      { path: ['seats', 'purchased'], message: 'must not be negative' },
      { path: ['seats', 'assigned'], message: 'must be a whole number of seats' },
      { path: ['term', 'end'], message: 'must not end before it starts; check term.start and term.end' },
      { path: ['commitment'], message: "must be one of: 'monthly', 'annual', 'flexible', 'trial'" },
    ]);
  });

  it('validates licence changes as seat counts', () => {
    expect(licenceChangeSchema.parse({ seats: 75, plan: 'pro' })).toEqual({ seats: 75, plan: 'pro' });
    expect(issuesOf(licenceChangeSchema.safeParse({ seats: 1_000_001 }))).toEqual([
      { path: ['seats'], message: 'must be at most 1000000 seats' },
    ]);
  });
});

describe('referralSchema', () => {
  it('accepts a referral as a platform reports it, keeping its raw status beside the unified one', () => {
    expect(referralSchema.parse(referral)).toEqual(referral);
  });

  it('accepts a listed referral without contacts and products (listings carry none)', () => {
    expect(referralSchema.parse({ ...referral, contacts: [], products: [] }).contacts).toEqual([]);
  });

  it('requires the raw status, the customer name and the platform references', () => {
    const { platformStatus: _status, externalRefs: _refs, ...rest } = referral;
    expect(issuesOf(referralSchema.safeParse({ ...rest, customer: {} }))).toEqual([
      { path: ['platformStatus'], message: 'is required' },
      { path: ['customer', 'legalName'], message: 'is required' },
      { path: ['externalRefs'], message: 'Invalid input: expected record, received undefined' },
    ]);
  });

  it('validates nested values', () => {
    const result = referralSchema.safeParse({
      ...referral,
      direction: 'sideways',
      products: [{ code: 'meetings-pro', quantity: 0 }],
      estimatedValue: { amountMinor: -1, currency: 'CNY' },
      expiresOn: '2025-02-30',
    });
    expect(issuesOf(result)).toEqual([
      { path: ['direction'], message: "must be 'outbound' or 'inbound'" },
      { path: ['products', 0, 'quantity'], message: 'must be at least 1' },
      { path: ['estimatedValue', 'amountMinor'], message: 'must not be negative' },
      { path: ['expiresOn'], message: 'must be a real calendar date written YYYY-MM-DD, e.g. 2025-03-31' },
    ]);
  });
});

describe('referralInputSchema', () => {
  it('normalises what a user types, without a credit code even on the mainland', () => {
    expect(referralInputSchema.parse(referralInput)).toEqual({
      ...referralInput,
      name: '北京示例 – 20 seats',
      customer: { ...referralInput.customer, country: 'CN' },
      contacts: [{ ...referralInput.contacts[0], mobile: '+8613900000000' }],
      estimatedValue: { amountMinor: 1_000_000, currency: 'CNY' },
    });
  });

  it('requires a contact, a product and an expected close date', () => {
    const { expectedCloseDate: _date, ...rest } = referralInput;
    expect(issuesOf(referralInputSchema.safeParse({ ...rest, contacts: [], products: [] }))).toEqual([
      { path: ['contacts'], message: 'must list at least one contact' },
      { path: ['products'], message: 'must list at least one product' },
      {
        path: ['expectedCloseDate'],
        message: 'must be a real calendar date written YYYY-MM-DD, e.g. 2025-03-31',
      },
    ]);
  });

  it('allows line breaks in notes but not other control characters', () => {
    expect(issuesOf(referralInputSchema.safeParse({ ...referralInput, notes: 'a\u0000b' }))).toEqual([
      { path: ['notes'], message: 'must not contain a NUL character (U+0000)' },
    ]);
    expect(issuesOf(referralInputSchema.safeParse({ ...referralInput, name: 'a\nb' }))).toEqual([
      { path: ['name'], message: 'must not contain a line break (U+000A); it must be one line' },
    ]);
  });
});

describe('referralPatchSchema', () => {
  it('accepts any subset of fields and refuses an empty product list', () => {
    expect(referralPatchSchema.parse({})).toEqual({});
    expect(referralPatchSchema.parse({ expectedCloseDate: '2026-01-31' })).toEqual({
      expectedCloseDate: '2026-01-31',
    });
    expect(issuesOf(referralPatchSchema.safeParse({ products: [] }))).toEqual([
      { path: ['products'], message: 'must list at least one product' },
    ]);
  });
});

describe('listReferralsQuerySchema', () => {
  it('accepts filters and bounds the page size', () => {
    expect(listReferralsQuerySchema.parse({ status: 'accepted', pageSize: 50 })).toEqual({
      status: 'accepted',
      pageSize: 50,
    });
    expect(issuesOf(listReferralsQuerySchema.safeParse({ status: 'open', pageSize: 301 }))).toEqual([
      {
        path: ['status'],
        message:
          "must be one of: 'draft', 'submitted', 'in_review', 'action_required', 'accepted', 'won', 'lost', 'declined', 'expired', 'cancelled'",
      },
      { path: ['pageSize'], message: 'must be at most 300' },
    ]);
  });
});

describe('licencePreviewSchema', () => {
  it('accepts signed charges and refuses a fractional amount', () => {
    const preview = {
      accountId: 'A-1',
      partner: 'zoom',
      change: { seats: 8 },
      before: { plan: 'PL-1', seats: 10 },
      after: { plan: 'PL-1', seats: 8 },
      accepted: true,
      refusals: [],
      charges: { monthlyRecurring: { amountMinor: -4_398, currency: 'USD' } },
    };
    expect(licencePreviewSchema.parse(preview)).toEqual(preview);
    expect(
      issuesOf(
        licencePreviewSchema.safeParse({
          ...preview,
          charges: { monthlyRecurring: { amountMinor: -43.98, currency: 'USD' } },
        }),
      ),
    ).toEqual([
      {
        path: ['charges', 'monthlyRecurring', 'amountMinor'],
        message: 'must be a whole number of minor units',
      },
    ]);
  });
});

describe('capabilitiesSchema', () => {
  it('requires every flag', () => {
    const capabilities: Capabilities = {
      accounts: {
        provision: true,
        get: true,
        list: true,
        suspend: true,
        resume: true,
        close: false,
      },
      licences: { get: true, set: true, preview: false },
      referrals: {
        outbound: true,
        inbound: false,
        get: true,
        list: true,
        update: true,
        accept: false,
        decline: false,
        markWon: false,
        markLost: false,
        cancel: false,
        resubmit: true,
      },
      webhooks: true,
    };
    expect(capabilitiesSchema.parse(capabilities)).toEqual(capabilities);
    const { webhooks: _, ...rest } = capabilities;
    expect(capabilitiesSchema.safeParse(rest).error?.issues.map((issue) => issue.path)).toEqual([
      ['webhooks'],
    ]);
  });
});
