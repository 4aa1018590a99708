// Valid Unified Social Credit Codes (GB 32100-2015) for seeded mainland enterprises, one per number: Bizconf holds
// one live account per credit code, and seeded data should look like what the platforms hold.
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const BASE36 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const CODE_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const ORGANISATION_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

/** The credit code of a Beijing enterprise (authority 9, type 1, region 110000), distinct for `n` up to 999 999. */
export function mainlandCreditCode(n: number): string {
  const body = `MA${String(n).padStart(6, '0')}`;
  let sum = 0;
  for (let i = 0; i < 8; i += 1) sum += BASE36.indexOf(body.charAt(i)) * (ORGANISATION_WEIGHTS[i] ?? 0);
  const remainder = 11 - (sum % 11);
  const organisationCheck = remainder === 10 ? 'X' : remainder === 11 ? '0' : String(remainder);
  const first17 = `91110000${body}${organisationCheck}`;
  let total = 0;
  for (let i = 0; i < 17; i += 1) total += ALPHABET.indexOf(first17.charAt(i)) * (CODE_WEIGHTS[i] ?? 0);
  return first17 + ALPHABET.charAt((31 - (total % 31)) % 31);
}
