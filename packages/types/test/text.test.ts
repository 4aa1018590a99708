import {
  contactSchema,
  emailSchema,
  enterpriseAccountSchema,
  enterpriseProfileSchema,
  licenceChangeSchema,
  MAX_EMAIL_LENGTH,
  MAX_EMAIL_LOCAL_PART_LENGTH,
  postalAddressSchema,
  provisionAccountInputSchema,
} from '@channelkit/types';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { account, adminInput, profileInput } from './fixtures';

function issuesOf(schema: z.ZodType, input: unknown) {
  const result = schema.safeParse(input);
  return result.error?.issues.map(({ path, message }) => ({ path: path.join('.'), message }));
}

const contact = { ...adminInput, mobile: '+6591234567' };
const profile = { ...profileInput, creditCode: undefined, country: 'SG', address: undefined };

const TRAILING_INVISIBLE = new RegExp(`[${String.raw`\s\p{Cf}\u034f\u115f\u1160\u3164\uffa0\u2800`}]+$`, 'u');

/** Characters that show nothing on their own. */
const INVISIBLE = ['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad', '\u3164', '\u2800', '\u034f'];

describe('lengths count UTF-16 code units, as the platforms do', () => {
  it('counts an emoji outside the Basic Multilingual Plane as two', () => {
    // 64 code units: 32 emoji. 66 code units: 33 emoji, one too many for a 64-unit plan code.
    expect(licenceChangeSchema.safeParse({ seats: 1, plan: '😀'.repeat(32) }).success).toBe(true);
    expect(issuesOf(licenceChangeSchema, { seats: 1, plan: '😀'.repeat(33) })).toEqual([
      {
        path: 'plan',
        message:
          'must be at most 64 characters; this one has 66 (emoji and other characters outside the Basic Multilingual Plane count as two). Shorten it',
      },
    ]);
  });

  it('counts a Chinese character (inside the BMP) as one', () => {
    expect(contactSchema.safeParse({ ...contact, firstName: '伟'.repeat(100) }).success).toBe(true);
    expect(issuesOf(contactSchema, { ...contact, firstName: '伟'.repeat(101) })).toEqual([
      { path: 'firstName', message: 'must be at most 100 characters; this one has 101. Shorten it' },
    ]);
  });

  it('holds for any text: accepted exactly when its UTF-16 length is within the limit', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 120 }), (raw) => {
        const value = `A${raw.replace(/[\p{Cc}\p{Cs}\u2028\u2029]/gu, '')}`.trim();
        const result = contactSchema.safeParse({ ...contact, lastName: value });
        expect(result.success).toBe(value.replace(TRAILING_INVISIBLE, '').length <= 100);
      }),
    );
  });
});

describe('names and other typed text', () => {
  it('refuses NUL and other control characters, naming them', () => {
    expect(issuesOf(enterpriseProfileSchema, { ...profile, legalName: 'Acme\u0000 Pte. Ltd.' })).toEqual([
      { path: 'legalName', message: 'must not contain a NUL character (U+0000)' },
    ]);
    expect(issuesOf(contactSchema, { ...contact, lastName: 'Tan\u001b[31m' })).toEqual([
      { path: 'lastName', message: 'must not contain the control character U+001B' },
    ]);
    expect(issuesOf(contactSchema, { ...contact, lastName: 'Tan\u0085' })).toEqual([
      { path: 'lastName', message: 'must not contain the control character U+0085' },
    ]);
    expect(issuesOf(contactSchema, { ...contact, firstName: 'Ada\nLovelace' })).toEqual([
      { path: 'firstName', message: 'must not contain a line break (U+000A); it must be one line' },
    ]);
    expect(issuesOf(postalAddressSchema, { line1: 'a\u2028b', city: 'x', country: 'SG' })).toEqual([
      { path: 'line1', message: 'must not contain a line break (U+2028); it must be one line' },
    ]);
    expect(issuesOf(contactSchema, { ...contact, jobTitle: 'CTO\tCFO' })).toEqual([
      { path: 'jobTitle', message: 'must not contain a tab (U+0009)' },
    ]);
  });

  it('refuses unpaired surrogates, which are not text', () => {
    expect(issuesOf(contactSchema, { ...contact, firstName: 'Ada\ud800' })).toEqual([
      {
        path: 'firstName',
        message: 'must not contain an unpaired surrogate (U+D800), which is not valid text',
      },
    ]);
  });

  it('refuses whitespace-only and zero-width-only values as empty', () => {
    for (const blank of ['   ', '\u3000', '\u00a0\u00a0']) {
      expect(issuesOf(contactSchema, { ...contact, firstName: blank })).toEqual([
        { path: 'firstName', message: 'must not be empty (after trimming spaces)' },
      ]);
    }
    for (const invisible of INVISIBLE) {
      expect(issuesOf(enterpriseProfileSchema, { ...profile, legalName: invisible.repeat(3) })).toEqual([
        { path: 'legalName', message: 'must not be empty (after trimming spaces)' },
      ]);
    }
  });

  it('trims spaces and invisible characters at the ends, and keeps them inside', () => {
    expect(
      enterpriseProfileSchema.parse({ ...profile, legalName: '\u200b\ufeff Acme Pte. Ltd. \u200b' })
        .legalName,
    ).toBe('Acme Pte. Ltd.');
    // A zero-width joiner inside an emoji sequence is part of the text.
    expect(contactSchema.parse({ ...contact, firstName: ' 👩‍💻 ' }).firstName).toBe('👩‍💻');
  });

  it('never accepts a value without a visible character, or with a control character', () => {
    const invisible = fc.constantFrom(' ', '\u3000', '\u00a0', ...INVISIBLE);
    fc.assert(
      fc.property(fc.array(invisible, { minLength: 1, maxLength: 20 }), (chars) => {
        expect(contactSchema.safeParse({ ...contact, lastName: chars.join('') }).success).toBe(false);
      }),
    );
    const control = fc.integer({ min: 0, max: 0x9f }).filter((code) => code < 0x20 || code >= 0x7f);
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 20 }), control, (around, code) => {
        const value = `A${around}${String.fromCharCode(code)}${around}Z`;
        expect(contactSchema.safeParse({ ...contact, lastName: value }).success).toBe(false);
      }),
    );
  });

  it('applies to every typed text field of a provision input', () => {
    const result = provisionAccountInputSchema.safeParse({
      profile: { ...profile, industry: '\u200b', address: { line1: '\u0000', city: ' ', country: 'SG' } },
      admin: { ...contact, jobTitle: '\u200d' },
      plan: '\u0007',
      externalId: '\u2060',
    });
    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toEqual([
      'profile.industry',
      'profile.address.line1',
      'profile.address.city',
      'admin.jobTitle',
      'plan',
      'externalId',
    ]);
  });

  it('takes what platforms report as given, within bounds', () => {
    expect(enterpriseAccountSchema.parse({ ...account, name: 'Odd\u0007Name' }).name).toBe('Odd\u0007Name');
    expect(issuesOf(enterpriseAccountSchema, { ...account, name: 'x'.repeat(1001) })).toEqual([
      { path: 'name', message: 'must be at most 1000 characters (UTF-16 code units)' },
    ]);
  });
});

describe('e-mail addresses have the limits of RFC 5321', () => {
  const domain = '@example.com';

  it('allows 254 characters in all and refuses 255', () => {
    const local = 'a'.repeat(64);
    const domain254 = `${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(57)}.com`;
    expect(`${local}@${domain254}`).toHaveLength(MAX_EMAIL_LENGTH);
    expect(emailSchema.parse(`${local}@${domain254}`)).toBe(`${local}@${domain254}`);
    expect(issuesOf(emailSchema, `${local}@${domain254}x`)).toEqual([
      {
        path: '',
        message: 'must be at most 254 characters (RFC 5321); this one has 255. Use a shorter address',
      },
    ]);
  });

  it('allows 64 characters before the @ and refuses 65', () => {
    expect(emailSchema.parse(`${'a'.repeat(MAX_EMAIL_LOCAL_PART_LENGTH)}${domain}`)).toHaveLength(64 + 12);
    expect(issuesOf(emailSchema, `${'a'.repeat(65)}${domain}`)).toEqual([
      { path: '', message: 'must have at most 64 characters before the @ (RFC 5321); this one has 65' },
    ]);
  });

  it('refuses a domain label longer than 63 characters', () => {
    expect(issuesOf(emailSchema, `a@${'b'.repeat(64)}.com`)).toEqual([
      { path: '', message: 'must not have a part of the domain longer than 63 characters (RFC 5321)' },
    ]);
  });

  it('counts after trimming, and names the field inside a contact', () => {
    expect(emailSchema.parse(`  ${'a'.repeat(64)}${domain}  `)).toBe(`${'a'.repeat(64)}${domain}`);
    expect(issuesOf(contactSchema, { ...contact, email: `${'a'.repeat(65)}${domain}` })?.[0]?.path).toBe(
      'email',
    );
  });

  it('never accepts an address beyond the limits', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 120 }),
        fc.integer({ min: 1, max: 250 }),
        (localLength, domainLength) => {
          const labels = Array.from({ length: Math.ceil(domainLength / 50) }, () => 'x'.repeat(50));
          const address = `${'a'.repeat(localLength)}@${labels.join('.').slice(0, domainLength).replace(/\.$/, 'x')}.com`;
          const valid = emailSchema.safeParse(address).success;
          if (localLength > 64 || address.length > 254) expect(valid).toBe(false);
        },
      ),
    );
  });
});
