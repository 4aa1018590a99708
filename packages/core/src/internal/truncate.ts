// A hostile or broken platform can answer a 400 whose message weighs megabytes. Everything taken from a response
// into an error is cut to these sizes, so messages, logs and serialised errors stay readable and bounded.

/** Longest platform message (and redirect target) kept in an error, in characters. */
export const MAX_MESSAGE_CHARS = 2048;
/** Longest field name, field message, platform code or request id kept in an error, in characters. */
export const MAX_DETAIL_CHARS = 500;
/** Most field-level details kept in an error; the rest are summed up in one last detail. */
export const MAX_DETAILS = 50;

/**
 * `value` cut to at most `max` characters, followed by a visible `... (truncated N characters)` when cut.
 * Never splits a surrogate pair.
 */
export function truncate(value: string, max: number): string {
  if (value.length <= max) return value;
  let end = max;
  const last = value.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--; // keep a pair whole rather than leave half a character
  return `${value.slice(0, end)}... (truncated ${value.length - end} characters)`;
}
