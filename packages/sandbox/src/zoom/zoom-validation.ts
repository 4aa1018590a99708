import type { FieldError } from './zoom-responses';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** True for a string with something other than spaces in it. */
export function text(value: unknown): value is string {
  return typeof value === 'string' && value.trim().length > 0;
}

/** Adds Zoom's "is required" error for `body[field]` unless it is non-blank text. */
export function requireText(
  body: Record<string, unknown>,
  field: string,
  errors: FieldError[],
  prefix = '',
): void {
  if (!text(body[field])) errors.push({ field: prefix + field, message: `${prefix + field} is required.` });
}

/** Adds Zoom's "Invalid email address." unless `value` is an email address. */
export function requireEmail(value: unknown, field: string, errors: FieldError[]): void {
  if (!text(value) || !EMAIL.test(value)) errors.push({ field, message: 'Invalid email address.' });
}

/** An optional boolean; `false` when absent, an error when of another type. */
export function optionalBoolean(value: unknown, field: string, errors: FieldError[]): boolean {
  if (value === undefined) return false;
  if (typeof value !== 'boolean') errors.push({ field, message: `${field} must be a boolean.` });
  return value === true;
}

/** Where a listing starts: a `next_page_token`, or else Zoom's deprecated `page_number`. */
export interface Paging {
  /** `page_size`: 1 to 300, default 30. */
  size: number;
  /** `next_page_token`, when given. */
  token: string | undefined;
  /** `page_number`, 1-based, when given. */
  pageNumber: number | undefined;
}

function positiveInteger(raw: string | null): number | undefined | null {
  if (raw === null || raw === '') return undefined;
  const value = Number(raw);
  return Number.isInteger(value) && value >= 1 ? value : null;
}

/**
 * Reads `page_size`, `next_page_token` and `page_number`. Zoom deprecated `page_number` in favour of the token but
 * still documents it, so it is honoured; both at once are refused, since they name different places to start.
 */
export function readPaging(url: URL, errors: FieldError[]): Paging {
  const params = url.searchParams;
  let size = positiveInteger(params.get('page_size'));
  if (size === null || (size !== undefined && size > 300)) {
    errors.push({ field: 'page_size', message: 'page_size must be between 1 and 300.' });
    size = undefined;
  }
  let pageNumber = positiveInteger(params.get('page_number'));
  if (pageNumber === null) {
    errors.push({ field: 'page_number', message: 'page_number must be a positive integer.' });
    pageNumber = undefined;
  }
  const token = params.get('next_page_token') || undefined;
  if (token !== undefined && pageNumber !== undefined) {
    errors.push({
      field: 'page_number',
      message: 'Use either next_page_token or the deprecated page_number, not both.',
    });
  }
  return { size: size ?? 30, token, pageNumber };
}
