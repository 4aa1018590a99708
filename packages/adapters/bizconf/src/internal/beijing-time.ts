// Bizconf speaks Beijing time (UTC+8 all year): timestamps `yyyy-MM-dd HH:mm:ss`, dates `yyyy-MM-dd`.

const BEIJING_OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** `2026-01-15 18:00:00` (Beijing) as the RFC 3339 timestamp `2026-01-15T18:00:00+08:00`. */
export function rfc3339FromBeijing(time: string): string {
  return `${time.replace(' ', 'T')}+08:00`;
}

/** The Beijing calendar date of an instant, `yyyy-MM-dd`. */
export function beijingDate(ms: number): string {
  return new Date(ms + BEIJING_OFFSET_MS).toISOString().slice(0, 10);
}

/** A `yyyy-MM-dd` date moved by `days`. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}
