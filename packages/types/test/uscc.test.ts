import {
  checkUnifiedSocialCreditCode,
  isUnifiedSocialCreditCode,
  unifiedSocialCreditCodeSchema,
} from '@channelkit/types';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

// An independent implementation of both check characters, so that generated codes do not trust the code under test.
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const BASE36 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

function organisationCheck(body: string): string {
  const weights = [3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((total, char, i) => total + BASE36.indexOf(char) * (weights[i] ?? 0), 0);
  return '0123456789X0'.charAt(11 - (sum % 11));
}

function codeCheck(first17: string): string {
  const sum = [...first17].reduce((total, char, i) => total + ALPHABET.indexOf(char) * 3 ** i, 0);
  return ALPHABET.charAt((31 - (sum % 31)) % 31);
}

function complete(prefix: string, division: string, organisationBody: string): string {
  const first17 = `${prefix}${division}${organisationBody}${organisationCheck(organisationBody)}`;
  return `${first17}${codeCheck(first17)}`;
}

const VALID_PREFIXES = [
  ...['11', '12', '13', '19', '21', '29', '31', '32', '33', '34', '35', '39', '41', '49'],
  ...['51', '52', '53', '59', '61', '62', '69', '71', '72', '79', '81', '89', '91', '92', '93'],
  ...['A1', 'A9', 'N1', 'N2', 'N3', 'N9', 'Y1'],
];

const validCode = fc
  .tuple(
    fc.constantFrom(...VALID_PREFIXES),
    fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 6, maxLength: 6 }),
    fc.string({ unit: fc.constantFrom(...ALPHABET), minLength: 8, maxLength: 8 }),
  )
  .map(([prefix, division, body]) => complete(prefix, division, body));

const OUTSIDE_ALPHABET = ['I', 'O', 'S', 'V', 'Z', '-', '*', ' ', '中', 'Ｏ'];

function replaceAt(code: string, index: number, char: string): string {
  return `${code.slice(0, index)}${char}${code.slice(index + 1)}`;
}

describe('published codes', () => {
  // Each of these was recomputed with both check characters above before being used here.
  it.each(['91350100M000100Y43', '91310230MA1K314J7C', '91310000MA1FL4B24G'])('accepts %s', (code) => {
    expect(complete(code.slice(0, 2), code.slice(2, 8), code.slice(8, 16))).toBe(code);
    expect(checkUnifiedSocialCreditCode(code)).toEqual({ valid: true, code });
    expect(isUnifiedSocialCreditCode(code)).toBe(true);
  });
});

describe('generated codes', () => {
  it('accepts every valid code, also lower-cased and surrounded by spaces', () => {
    fc.assert(
      fc.property(validCode, fc.constantFrom('', ' ', '  ', '\t', '\n'), (code, padding) => {
        const messy = `${padding}${code.toLowerCase()}${padding}`;
        expect(checkUnifiedSocialCreditCode(messy)).toEqual({ valid: true, code });
        expect(unifiedSocialCreditCodeSchema.parse(messy)).toBe(code);
      }),
      { numRuns: 300 },
    );
  });

  it('rejects every single-character change, to another alphabet character or to one outside it', () => {
    fc.assert(
      fc.property(validCode, (code) => {
        for (let index = 0; index < 18; index++) {
          for (const char of [...ALPHABET, ...OUTSIDE_ALPHABET]) {
            if (char === code.charAt(index)) continue;
            const changed = replaceAt(code, index, char);
            const result = checkUnifiedSocialCreditCode(changed);
            if (result.valid)
              throw new Error(`accepted ${changed}, a change of ${code} at position ${index + 1}`);
            expect(unifiedSocialCreditCodeSchema.safeParse(changed).success).toBe(false);
          }
        }
      }),
      { numRuns: 60 },
    );
  });

  it('rejects codes one character too short or too long', () => {
    fc.assert(
      fc.property(validCode, fc.constantFrom(...ALPHABET), (code, extra) => {
        expect(checkUnifiedSocialCreditCode(code.slice(1))).toMatchObject({ valid: false, rule: 'length' });
        expect(checkUnifiedSocialCreditCode(`${code}${extra}`)).toMatchObject({
          valid: false,
          rule: 'length',
        });
      }),
    );
  });
});

describe('rule messages', () => {
  const code = '91350100M000100Y43';

  it('length: says how long the code is', () => {
    expect(checkUnifiedSocialCreditCode('91350100M000100Y4')).toEqual({
      valid: false,
      rule: 'length',
      message:
        'A Unified Social Credit Code has 18 characters, this one has 17: check for missing or extra characters.',
    });
    expect(checkUnifiedSocialCreditCode('')).toMatchObject({
      rule: 'length',
      message: expect.stringContaining('has 0'),
    });
  });

  it('alphabet: names the position and the confusable characters', () => {
    expect(checkUnifiedSocialCreditCode(replaceAt(code, 9, 'O'))).toEqual({
      valid: false,
      rule: 'alphabet',
      message:
        "Position 10 is 'O', but a Unified Social Credit Code uses only digits and the capitals A–Y except I, O, S, V and Z (did you mean 1, 0, 5, U or 2?).",
    });
  });

  it('alphabet: positions 3–8 are digits', () => {
    const withLetter = complete('91', '3501A0', 'M000100Y');
    expect(checkUnifiedSocialCreditCode(withLetter)).toEqual({
      valid: false,
      rule: 'alphabet',
      message:
        "Position 7 is 'A', but positions 3–8 are the administrative division code and must be digits.",
    });
  });

  it('registration-authority: unknown authority', () => {
    expect(checkUnifiedSocialCreditCode(complete('B1', '350100', 'M000100Y'))).toMatchObject({
      valid: false,
      rule: 'registration-authority',
      message: expect.stringContaining("The first character 'B' is not a registration-authority code"),
    });
  });

  it('registration-authority: entity type not allowed for the authority', () => {
    expect(checkUnifiedSocialCreditCode(complete('94', '350100', 'M000100Y'))).toEqual({
      valid: false,
      rule: 'registration-authority',
      message:
        "The code starts with '94', but registration authority '9' has no entity type '4' (allowed: 1, 2, 3): check the second character.",
    });
  });

  it('organisation-code-check: a wrong 17th character', () => {
    const first16 = '91350100M000100Y';
    const wrong = first16 + (organisationCheck('M000100Y') === '5' ? '6' : '5');
    expect(checkUnifiedSocialCreditCode(wrong + codeCheck(wrong))).toMatchObject({
      valid: false,
      rule: 'organisation-code-check',
      message: expect.stringContaining('positions 9–17'),
    });
  });

  it('check-character: a wrong 18th character', () => {
    expect(checkUnifiedSocialCreditCode('91350100M000100Y44')).toEqual({
      valid: false,
      rule: 'check-character',
      message:
        'The check character (position 18) does not match the rest of the code: a character is probably mistyped.',
    });
  });

  it('the schema reports the same message', () => {
    const result = unifiedSocialCreditCodeSchema.safeParse('91350100M000100Y44');
    expect(result.error?.issues).toMatchObject([
      { path: [], message: expect.stringContaining('The check character (position 18)') },
    ]);
    expect(unifiedSocialCreditCodeSchema.safeParse(undefined).error?.issues[0]?.message).toBe('is required');
  });
});
