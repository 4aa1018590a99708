import { randomInt } from 'node:crypto';

const ALPHABET = 'abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/**
 * A throwaway owner password: Zoom requires one on `POST /accounts` (8-32 letters and digits) although the owner
 * sets their own through the activation mail. 24 characters from a CSPRNG, with at least one letter and one digit.
 */
export function generatePassword(length = 24): string {
  for (;;) {
    let password = '';
    for (let index = 0; index < length; index += 1) password += ALPHABET.charAt(randomInt(ALPHABET.length));
    if (/\d/.test(password) && /[a-z]/i.test(password)) return password;
  }
}
