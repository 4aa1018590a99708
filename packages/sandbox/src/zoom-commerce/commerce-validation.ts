import { isRecord } from '../internal/json';
import type { FieldError } from '../zoom/zoom-responses';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written `YYYY-MM-DD`. */
export function isCalendarDate(value: string): boolean {
  const match = DATE.exec(value);
  if (!match) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

interface TextRule {
  readonly required?: boolean;
  readonly max?: number;
}

/**
 * Reads fields of a JSON request body the way Zoom validates them: every problem is collected with the field's
 * dotted path, and answered together as one 400 with code 300 (`Validation Failed.`).
 */
export class BodyReader {
  readonly errors: FieldError[] = [];

  /** Reports a problem of `field`. */
  fail(field: string, message: string): void {
    this.errors.push({ field, message });
  }

  text(
    source: Record<string, unknown>,
    field: string,
    path: string,
    rule: TextRule = {},
  ): string | undefined {
    const value = source[field];
    if (value === undefined || value === null) {
      if (rule.required) this.fail(path, `${path} is required.`);
      return undefined;
    }
    if (typeof value !== 'string') {
      this.fail(path, `${path} must be a string.`);
      return undefined;
    }
    if (rule.required && value.trim() === '') {
      this.fail(path, `${path} is required.`);
      return undefined;
    }
    if (rule.max !== undefined && value.length > rule.max) {
      this.fail(path, `${path} must be at most ${rule.max} characters.`);
      return undefined;
    }
    return value;
  }

  date(source: Record<string, unknown>, field: string, path: string, required = false): string | undefined {
    const value = this.text(source, field, path, { required });
    if (value === undefined) return undefined;
    if (!isCalendarDate(value)) {
      this.fail(path, `${path} must be a date in yyyy-MM-dd format.`);
      return undefined;
    }
    return value;
  }

  boolean(
    source: Record<string, unknown>,
    field: string,
    path: string,
    required = false,
  ): boolean | undefined {
    const value = source[field];
    if (value === undefined || value === null) {
      if (required) this.fail(path, `${path} is required.`);
      return undefined;
    }
    if (typeof value !== 'boolean') {
      this.fail(path, `${path} must be a boolean.`);
      return undefined;
    }
    return value;
  }

  number(
    source: Record<string, unknown>,
    field: string,
    path: string,
    rule: { required?: boolean; integer?: boolean; min?: number } = {},
  ): number | undefined {
    const value = source[field];
    if (value === undefined || value === null) {
      if (rule.required) this.fail(path, `${path} is required.`);
      return undefined;
    }
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      this.fail(path, `${path} must be a number.`);
      return undefined;
    }
    if (rule.integer && !Number.isInteger(value)) {
      this.fail(path, `${path} must be an integer.`);
      return undefined;
    }
    if (rule.min !== undefined && value < rule.min) {
      this.fail(path, `${path} must be at least ${rule.min}.`);
      return undefined;
    }
    return value;
  }

  object(
    source: Record<string, unknown>,
    field: string,
    path: string,
    required = false,
  ): Record<string, unknown> | undefined {
    const value = source[field];
    if (value === undefined || value === null) {
      if (required) this.fail(path, `${path} is required.`);
      return undefined;
    }
    if (!isRecord(value)) {
      this.fail(path, `${path} must be an object.`);
      return undefined;
    }
    return value;
  }

  /** An array of objects; `min` items at least when present or required. */
  objects(
    source: Record<string, unknown>,
    field: string,
    path: string,
    rule: { required?: boolean; min?: number } = {},
  ): Record<string, unknown>[] | undefined {
    const value = source[field];
    if (value === undefined || value === null) {
      if (rule.required) this.fail(path, `${path} is required.`);
      return undefined;
    }
    if (!Array.isArray(value) || !value.every(isRecord)) {
      this.fail(path, `${path} must be an array of objects.`);
      return undefined;
    }
    if (rule.min !== undefined && value.length < rule.min) {
      this.fail(path, `${path} must have at least ${rule.min} item${rule.min === 1 ? '' : 's'}.`);
      return undefined;
    }
    return value;
  }

  /** An array of strings. */
  strings(source: Record<string, unknown>, field: string, path: string): string[] | undefined {
    const value = source[field];
    if (value === undefined || value === null) return undefined;
    if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) {
      this.fail(path, `${path} must be an array of strings.`);
      return undefined;
    }
    return value as string[];
  }
}

/** Query parameters a sandbox endpoint reads; any other one is refused, never silently ignored. */
export function unknownParameters(url: URL, known: readonly string[]): FieldError[] {
  const errors: FieldError[] = [];
  for (const name of new Set(url.searchParams.keys())) {
    if (!known.includes(name)) {
      errors.push({
        field: name,
        message: `${name} is not supported by the channelkit sandbox's model of this endpoint.`,
      });
    }
  }
  return errors;
}

/** `page_size` as a whole number from 1 to `max`, `fallback` when absent. */
export function pageSizeOf(url: URL, max: number, fallback: number): number | FieldError {
  const raw = url.searchParams.get('page_size');
  if (raw === null || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > max) {
    return { field: 'page_size', message: `page_size must be between 1 and ${max}.` };
  }
  return value;
}

/** A page number parameter (`page_number` or `page_num`), a whole number from 1, default 1. */
export function pageNumberOf(url: URL, name: string): number | FieldError {
  const raw = url.searchParams.get(name);
  if (raw === null || raw === '') return 1;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1)
    return { field: name, message: `${name} must be a positive integer.` };
  return value;
}

/** Whether the body's JSON is a record, for readers. */
export { isRecord };
