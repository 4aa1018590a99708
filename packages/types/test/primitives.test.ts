import {
  COUNTRY_CODES,
  CURRENCY_CODES,
  countryCodeSchema,
  currencyCodeSchema,
  e164PhoneSchema,
  emailSchema,
  isKnownPartnerId,
  isoDateSchema,
  isoDateTimeSchema,
  KNOWN_PARTNER_IDS,
  type KnownPartnerId,
  MAX_SEATS,
  mainlandMobileSchema,
  money,
  moneySchema,
  type PartnerId,
  partnerIdSchema,
  seatCountSchema,
} from '@channelkit/types';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';

function messageOf(schema: z.ZodType, input: unknown): string | undefined {
  const result = schema.safeParse(input);
  expect(result.success).toBe(false);
  return result.error?.issues[0]?.message;
}

describe('partnerIdSchema', () => {
  it('accepts the four known platforms and any other lowercase slug', () => {
    expect(KNOWN_PARTNER_IDS).toEqual(['zoom', 'bizconf', 'zhumu', 'umeet']);
    for (const id of KNOWN_PARTNER_IDS) expect(partnerIdSchema.parse(id)).toBe(id);
    for (const id of ['acme', 'acme-meetings', 'x2', 'a'.repeat(32)])
      expect(partnerIdSchema.parse(id)).toBe(id);
  });

  it('refuses what is not a lowercase slug, and says what a slug is', () => {
    for (const id of [
      'Zoom',
      'acme meetings',
      'acme--meetings',
      '-acme',
      'acme-',
      '2acme',
      'acme_1',
      'zoom\0',
    ]) {
      expect(messageOf(partnerIdSchema, id)).toBe(
        "must be a lowercase slug: letters a-z, digits and single hyphens, starting with a letter, e.g. 'zoom' or 'acme-meetings'",
      );
    }
    expect(messageOf(partnerIdSchema, 'z')).toBe("must be at least 2 characters, e.g. 'zoom'");
    expect(messageOf(partnerIdSchema, 'a'.repeat(33))).toBe('must be at most 32 characters');
    expect(messageOf(partnerIdSchema, undefined)).toBe('is required');
  });

  it('types known ids for autocompletion and leaves room for others', () => {
    expectTypeOf<KnownPartnerId>().toEqualTypeOf<'zoom' | 'bizconf' | 'zhumu' | 'umeet'>();
    expectTypeOf<'acme'>().toExtend<PartnerId>();
    expectTypeOf<KnownPartnerId>().toExtend<PartnerId>();
    const id: string = 'zhumu';
    expect(isKnownPartnerId(id)).toBe(true);
    if (isKnownPartnerId(id)) expectTypeOf(id).toEqualTypeOf<KnownPartnerId>();
    expect(isKnownPartnerId('acme')).toBe(false);
  });
});

describe('emailSchema', () => {
  it('trims and lower-cases the domain only', () => {
    expect(emailSchema.parse('  Li.Wei@Example.COM ')).toBe('Li.Wei@example.com');
  });

  it('refuses what is not an address', () => {
    expect(messageOf(emailSchema, 'li.wei@')).toBe('must be an e-mail address such as name@example.com');
    expect(messageOf(emailSchema, undefined)).toBe('is required');
  });
});

describe('e164PhoneSchema', () => {
  it('removes spaces, dashes and brackets', () => {
    expect(e164PhoneSchema.parse('+1 (415) 555-0100')).toBe('+14155550100');
    expect(e164PhoneSchema.parse('+86 138-0013-8000')).toBe('+8613800138000');
    expect(e164PhoneSchema.parse('+852 2123 4567')).toBe('+85221234567');
  });

  it('refuses numbers without + or with the wrong number of digits', () => {
    for (const input of ['4155550100', '+0123456789', '+1234567', '+1234567890123456', '+86 138 0013 800a']) {
      expect(messageOf(e164PhoneSchema, input)).toContain('E.164');
    }
  });

  it('checks +86 numbers as mainland mobiles', () => {
    expect(messageOf(e164PhoneSchema, '+86 10 6552 9988')).toContain('mainland China mobile number');
    expect(messageOf(e164PhoneSchema, '+86 128 0013 8000')).toContain('mainland China mobile number');
  });
});

describe('mainlandMobileSchema', () => {
  it('normalises to +86 and accepts the national form', () => {
    expect(mainlandMobileSchema.parse('138 0013 8000')).toBe('+8613800138000');
    expect(mainlandMobileSchema.parse('+86-199-0000-0000')).toBe('+8619900000000');
  });

  it('refuses other numbers', () => {
    for (const input of ['+8612800138000', '+861380013800', '+14155550100', '12800138000']) {
      expect(messageOf(mainlandMobileSchema, input)).toContain('mainland China mobile number');
    }
  });
});

describe('countryCodeSchema', () => {
  it('ships the 249 assigned codes', () => {
    expect(COUNTRY_CODES).toHaveLength(249);
    expect(new Set(COUNTRY_CODES).size).toBe(249);
    expect(COUNTRY_CODES).toEqual(expect.arrayContaining(['CN', 'HK', 'MO', 'TW', 'GB', 'US', 'SS', 'BQ']));
  });

  it('upper-cases and trims', () => {
    expect(countryCodeSchema.parse(' cn ')).toBe('CN');
  });

  it('refuses reserved and unknown codes', () => {
    expect(messageOf(countryCodeSchema, 'uk')).toBe(
      "must be an ISO 3166-1 alpha-2 country code; the United Kingdom is 'GB'",
    );
    for (const input of ['EU', 'XK', 'ZZ', 'CHN', '']) {
      expect(messageOf(countryCodeSchema, input)).toContain('ISO 3166-1 alpha-2');
    }
  });
});

describe('currencyCodeSchema', () => {
  it('ships List One', () => {
    expect(new Set(CURRENCY_CODES).size).toBe(CURRENCY_CODES.length);
    expect(CURRENCY_CODES).toEqual(expect.arrayContaining(['CNY', 'HKD', 'USD', 'EUR', 'XCG', 'ZWG', 'SLE']));
  });

  it('upper-cases, and refuses withdrawn or unknown codes', () => {
    expect(currencyCodeSchema.parse('cny')).toBe('CNY');
    for (const input of ['HRK', 'ANG', 'RMB', 'US$']) {
      expect(messageOf(currencyCodeSchema, input)).toBe(
        "must be an active ISO 4217 currency code, e.g. 'CNY', 'USD', 'HKD'",
      );
    }
  });
});

describe('isoDateSchema and isoDateTimeSchema', () => {
  it('accepts real dates only', () => {
    expect(isoDateSchema.parse('2024-02-29')).toBe('2024-02-29');
    for (const input of ['2023-02-29', '2025-04-31', '2025-13-01', '2025-3-1', '2025-03-31T00:00:00Z']) {
      expect(messageOf(isoDateSchema, input)).toBe(
        'must be a real calendar date written YYYY-MM-DD, e.g. 2025-03-31',
      );
    }
  });

  it('requires an offset or Z on timestamps', () => {
    expect(isoDateTimeSchema.parse('2025-03-31T09:30:00+08:00')).toBe('2025-03-31T09:30:00+08:00');
    expect(isoDateTimeSchema.parse('2025-03-31T01:30:00.123Z')).toBe('2025-03-31T01:30:00.123Z');
    for (const input of ['2025-03-31T09:30:00', '2025-03-31', '2025-02-30T00:00:00Z']) {
      expect(messageOf(isoDateTimeSchema, input)).toContain('RFC 3339');
    }
  });
});

describe('seatCountSchema', () => {
  it('accepts 1 to MAX_SEATS', () => {
    expect(MAX_SEATS).toBe(1_000_000);
    expect(seatCountSchema.parse(1)).toBe(1);
    expect(seatCountSchema.parse(MAX_SEATS)).toBe(MAX_SEATS);
  });

  it('says why a count is refused', () => {
    expect(messageOf(seatCountSchema, 0)).toBe('must be at least 1 seat');
    expect(messageOf(seatCountSchema, -5)).toBe('must be at least 1 seat');
    expect(messageOf(seatCountSchema, 2.5)).toBe('must be a whole number of seats');
    expect(messageOf(seatCountSchema, MAX_SEATS + 1)).toBe('must be at most 1000000 seats');
    expect(messageOf(seatCountSchema, '10')).toBe('must be a number of seats, e.g. 25');
    expect(seatCountSchema.safeParse(Number.NaN).success).toBe(false);
  });
});

describe('money', () => {
  it('defaults to CNY and normalises the currency', () => {
    expect(money(129_900)).toEqual({ amountMinor: 129_900, currency: 'CNY' });
    expect(money(0, 'usd')).toEqual({ amountMinor: 0, currency: 'USD' });
  });

  it('refuses negative, fractional and unknown amounts', () => {
    expect(() => money(-1)).toThrow('must not be negative');
    expect(() => money(12.5)).toThrow('whole number of minor units');
    expect(() => money(1, 'RMB')).toThrow('ISO 4217');
    expect(moneySchema.safeParse({ amountMinor: 1 }).error?.issues[0]?.path).toEqual(['currency']);
  });
});
