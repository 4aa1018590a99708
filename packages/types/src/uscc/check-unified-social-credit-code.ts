import { ENTITY_TYPES_BY_AUTHORITY } from './entity-types';

// GB 32100-2015 code alphabet: digits and capitals without I, O, S, V, Z (too easily confused with 1, 0, 5, U, 2).
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
// GB 32100-2015 §4.2: weight of position i is 3^(i-1) mod 31.
const CODE_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
// GB 11714-1997: weights of the eight body characters of the organisation code.
const ORGANISATION_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];
const BASE36 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** The rule of GB 32100-2015 / GB 11714-1997 that a Unified Social Credit Code broke. */
export type UnifiedSocialCreditCodeRule =
  | 'length'
  | 'alphabet'
  | 'registration-authority'
  | 'organisation-code-check'
  | 'check-character';

/** The outcome of {@link checkUnifiedSocialCreditCode}: the normalised code, or the first rule it breaks. */
export type UnifiedSocialCreditCodeCheck =
  | {
      /** The code satisfies every rule. */
      valid: true;
      /** The normalised code: trimmed, upper-case, 18 characters. */
      code: string;
    }
  | {
      /** The code breaks a rule. */
      valid: false;
      /** The first rule the code breaks, in the order the rules are listed. */
      rule: UnifiedSocialCreditCodeRule;
      /** What is wrong and how to fix it, in English. */
      message: string;
    };

function fail(rule: UnifiedSocialCreditCodeRule, message: string): UnifiedSocialCreditCodeCheck {
  return { valid: false, rule, message };
}

function organisationCheckCharacter(body: string): string {
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += BASE36.indexOf(body.charAt(i)) * (ORGANISATION_WEIGHTS[i] ?? 0);
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

function codeCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += ALPHABET.indexOf(first17.charAt(i)) * (CODE_WEIGHTS[i] ?? 0);
  return ALPHABET.charAt((31 - (sum % 31)) % 31);
}

/**
 * Checks a Unified Social Credit Code (统一社会信用代码), the 18-character identifier of every legal entity in
 * mainland China, against GB 32100-2015 and GB 11714-1997. The value is trimmed and upper-cased first. Rules are
 * tried in this order and the first broken one is reported:
 *
 * 1. `length`: exactly 18 characters.
 * 2. `alphabet`: only `0-9` and `A-Y` without I, O, S, V, Z; positions 3–8 (the administrative division code) are
 *    digits.
 * 3. `registration-authority`: positions 1–2 are a registration authority and entity type listed by the standard
 *    (e.g. `91` for an enterprise registered with industry and commerce).
 * 4. `organisation-code-check`: position 17 is the GB 11714 check character of the organisation code (positions 9–16).
 * 5. `check-character`: position 18 is the GB 32100 check character of positions 1–17.
 *
 * @example
 * ```ts
 * checkUnifiedSocialCreditCode(' 91350100m000100y43 '); // { valid: true, code: '91350100M000100Y43' }
 * ```
 */
export function checkUnifiedSocialCreditCode(value: string): UnifiedSocialCreditCodeCheck {
  const code = value.trim().toUpperCase();
  if (code.length !== 18) {
    return fail(
      'length',
      `A Unified Social Credit Code has 18 characters, this one has ${code.length}: check for missing or extra characters.`,
    );
  }
  for (let i = 0; i < 18; i++) {
    const char = code.charAt(i);
    if (!ALPHABET.includes(char)) {
      return fail(
        'alphabet',
        `Position ${i + 1} is '${char}', but a Unified Social Credit Code uses only digits and the capitals A–Y except I, O, S, V and Z (did you mean 1, 0, 5, U or 2?).`,
      );
    }
    if (i >= 2 && i < 8 && !/\d/.test(char)) {
      return fail(
        'alphabet',
        `Position ${i + 1} is '${char}', but positions 3–8 are the administrative division code and must be digits.`,
      );
    }
  }
  const authority = code.charAt(0);
  const entityTypes = ENTITY_TYPES_BY_AUTHORITY[authority];
  if (entityTypes === undefined) {
    return fail(
      'registration-authority',
      `The first character '${authority}' is not a registration-authority code of GB 32100-2015 (enterprises start with 91): check the code's first two characters.`,
    );
  }
  if (!entityTypes.includes(code.charAt(1))) {
    return fail(
      'registration-authority',
      `The code starts with '${code.slice(0, 2)}', but registration authority '${authority}' has no entity type '${code.charAt(1)}' (allowed: ${[...entityTypes].join(', ')}): check the second character.`,
    );
  }
  if (organisationCheckCharacter(code.slice(8, 16)) !== code.charAt(16)) {
    return fail(
      'organisation-code-check',
      'The organisation code (positions 9–17) does not match its check character (position 17): a character in positions 9–17 is probably mistyped.',
    );
  }
  if (codeCheckCharacter(code.slice(0, 17)) !== code.charAt(17)) {
    return fail(
      'check-character',
      'The check character (position 18) does not match the rest of the code: a character is probably mistyped.',
    );
  }
  return { valid: true, code };
}

/**
 * Tells whether a value is a valid Unified Social Credit Code, after trimming and upper-casing; see
 * {@link checkUnifiedSocialCreditCode} for the rules and the reason a code fails.
 */
export function isUnifiedSocialCreditCode(value: string): boolean {
  return checkUnifiedSocialCreditCode(value).valid;
}
