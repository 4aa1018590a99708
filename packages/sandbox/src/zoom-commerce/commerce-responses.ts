import { json } from '../internal/json';
import { zoomError } from '../zoom/zoom-responses';

/** A business error as Zoom's Commerce API reports it inside a successful answer: `errors[]`. */
export interface BusinessError {
  readonly error_code: string;
  readonly error_description: string;
}

/** Makes a business error. */
export function businessError(code: string, description: string): BusinessError {
  return { error_code: code, error_description: description };
}

/**
 * A write Zoom refused for a business reason: HTTP 200 with `status: 'failure'` and the reasons in `errors[]`, as
 * Zoom's published types show for orders and deal registrations (the sandbox's reading: the types give no status).
 */
export function refusedWrite(errors: readonly BusinessError[]): Response {
  return json(200, { status: 'failure', errors });
}

/** 404 for a resource the partner does not have. */
export function notFound(what: string, key: string): Response {
  return zoomError(404, 404, `${what} does not exist: ${key}.`);
}

/** Amounts are reported in major units, to the cent. */
export function amount(value: number): number {
  return Math.round(value * 100) / 100;
}

/** `YYYY-MM-DD` plus `months` calendar months (UTC). */
export function addMonths(date: string, months: number): string {
  const value = new Date(`${date}T00:00:00Z`);
  value.setUTCMonth(value.getUTCMonth() + months);
  return value.toISOString().slice(0, 10);
}
