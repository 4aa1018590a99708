import { ValidationError } from '../errors/validation-error';

/** What {@link checkTextLength} checks. */
export interface TextLengthRule {
  /** The platform's limit, in UTF-16 code units. */
  max: number;
  /** The input field, e.g. `profile.legalName`. */
  field: string;
  /** What the platform calls it, for the message, e.g. `Zoom account names`. */
  label: string;
}

/**
 * Refuses a text longer than a platform's limit before anything is sent, with a `ValidationError` naming the field.
 * Length is counted in UTF-16 code units, as Java- and JavaScript-based platforms (Zoom among them) count and as the
 * `@channelkit/types` schemas do: an emoji outside the Basic Multilingual Plane counts 2, a Chinese character 1.
 * @example
 * checkTextLength(input.profile.legalName, { max: 64, field: 'profile.legalName', label: 'Zoom account names' });
 */
export function checkTextLength(value: string, rule: TextLengthRule): void {
  // `String.prototype.length` is the number of UTF-16 code units, which is what is meant here.
  const length = value.length;
  if (length <= rule.max) return;
  const message =
    `${rule.label} are at most ${rule.max} characters (UTF-16 code units, as the platform counts: an emoji ` +
    `counts 2); this one has ${length}. Shorten ${rule.field}.`;
  throw new ValidationError({ message, issues: [{ path: rule.field, message }] });
}
