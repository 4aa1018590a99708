import { z } from 'zod';

// The project's text convention, followed by every text field of the domain:
//
// - Lengths count UTF-16 code units (`String.prototype.length`), as the platforms count them when they enforce
//   their own limits (Zoom, like the Java-based platforms, counts an emoji outside the Basic Multilingual Plane as
//   two). A limit written "200 characters" in these schemas means 200 UTF-16 code units.
// - What people type (names, address lines, codes) is one line of visible text: the ends are trimmed of spaces and
//   invisible characters; control characters (NUL, tabs, line breaks, C1 controls), line and paragraph separators and
//   unpaired surrogates are refused; and a value must hold at least one visible character, so whitespace-only and
//   zero-width-only values are refused as empty.
// - What platforms report (display names, reasons) is bounded in length but otherwise taken as given, so that one
//   odd record on a platform never makes a whole listing fail.

/**
 * Whitespace, format characters (zero-width space, joiners, BOM, soft hyphen, bidirectional marks) and the blank
 * fillers that render as nothing (combining grapheme joiner, Hangul fillers, Braille blank), as a character-class body.
 */
const INVISIBLE = String.raw`\s\p{Cf}\u034f\u115f\u1160\u3164\uffa0\u2800`;

/** Invisible characters at either end of typed text, trimmed. */
const INVISIBLE_EDGES = new RegExp(`^[${INVISIBLE}]+|[${INVISIBLE}]+$`, 'gu');

/** Control characters (C0, DEL, C1), line and paragraph separators, and unpaired surrogates. */
const FORBIDDEN = /[\p{Cc}\u2028\u2029]|\p{Cs}/u;

/** A character that shows: anything but the {@link INVISIBLE} ones. */
const VISIBLE = new RegExp(`[^${INVISIBLE}]`, 'u');

const stringError = {
  error: (issue: { input: unknown }) => (issue.input === undefined ? 'is required' : 'must be a string'),
};

/** Describes the first forbidden character of `value`, for the error message. */
function describeForbidden(value: string): string {
  const match = FORBIDDEN.exec(value);
  const char = match?.[0] ?? '';
  const code = `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
  if (char === '\0') return `a NUL character (${code})`;
  if (/\p{Cs}/u.test(char)) return `an unpaired surrogate (${code}), which is not valid text`;
  if (/[\n\r\u2028\u2029]/.test(char)) return `a line break (${code}); it must be one line`;
  if (char === '\t') return `a tab (${code})`;
  return `the control character ${code}`;
}

/** Length in UTF-16 code units, the unit of every limit in these schemas. */
export function textLength(value: string): number {
  return value.length;
}

/**
 * One line of text a person types: trimmed of spaces and invisible characters at both ends, with control
 * characters and line breaks refused, at least one visible character, and a length of `min` to `max` UTF-16 code
 * units. Messages say what to change.
 */
export function text(min: number, max: number) {
  return z
    .string(stringError)
    .transform((value) => value.replace(INVISIBLE_EDGES, ''))
    .pipe(
      z.string().check((context) => {
        const value = context.value;
        if (FORBIDDEN.test(value)) {
          context.issues.push({
            code: 'custom',
            input: value,
            message: `must not contain ${describeForbidden(value)}`,
          });
          return;
        }
        if (!VISIBLE.test(value)) {
          context.issues.push({
            code: 'custom',
            input: value,
            message:
              value.length === 0
                ? 'must not be empty (after trimming spaces)'
                : 'must contain a visible character, not only spaces or invisible characters',
          });
          return;
        }
        const length = textLength(value);
        if (length < min) {
          context.issues.push({
            code: 'custom',
            input: value,
            message: `must be at least ${min} characters`,
          });
        } else if (length > max) {
          const counting = /[\uD800-\uDBFF][\uDC00-\uDFFF]/.test(value)
            ? ' (emoji and other characters outside the Basic Multilingual Plane count as two)'
            : '';
          context.issues.push({
            code: 'custom',
            input: value,
            message: `must be at most ${max} characters; this one has ${length}${counting}. Shorten it`,
          });
        }
      }),
    );
}

/**
 * Text a platform reports (a display name, a reason): `min` to `max` UTF-16 code units, taken as given otherwise.
 */
export function reportedText(min: number, max: number) {
  return z
    .string(stringError)
    .min(min, min === 1 ? 'must not be empty' : `must be at least ${min} characters`)
    .max(max, `must be at most ${max} characters (UTF-16 code units)`);
}

/** A `z.enum` whose message lists the accepted values. */
export function oneOf<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, { error: `must be one of: ${values.map((value) => `'${value}'`).join(', ')}` });
}

/** Line breaks and tabs, the only control characters a paragraph may hold. */
const PARAGRAPH_CONTROLS = new Set(['\n', '\r', '\t']);

/** The first character of `value` a paragraph must not hold, or `undefined`. */
function forbiddenInParagraphs(value: string): string | undefined {
  for (const char of value) {
    if (PARAGRAPH_CONTROLS.has(char)) continue;
    if (FORBIDDEN.test(char)) return char;
  }
  return undefined;
}

/**
 * Free text a person writes (a description, a note): like {@link text}, but line breaks and tabs are allowed. The ends
 * are trimmed, other control characters refused, and at least one visible character required.
 */
export function paragraphs(min: number, max: number) {
  return z
    .string(stringError)
    .transform((value) => value.replace(INVISIBLE_EDGES, ''))
    .pipe(
      z.string().check((context) => {
        const value = context.value;
        const forbidden = forbiddenInParagraphs(value);
        if (forbidden !== undefined) {
          context.issues.push({
            code: 'custom',
            input: value,
            message: `must not contain ${describeForbidden(forbidden)}`,
          });
          return;
        }
        if (!VISIBLE.test(value)) {
          context.issues.push({
            code: 'custom',
            input: value,
            message: 'must not be empty (after trimming spaces)',
          });
          return;
        }
        if (value.length < min) {
          context.issues.push({
            code: 'custom',
            input: value,
            message: `must be at least ${min} characters`,
          });
        } else if (value.length > max) {
          context.issues.push({
            code: 'custom',
            input: value,
            message: `must be at most ${max} characters; this one has ${value.length}. Shorten it`,
          });
        }
      }),
    );
}
