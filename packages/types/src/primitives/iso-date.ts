import { z } from 'zod';

/** A calendar date as `YYYY-MM-DD` that exists (`'2024-02-29'` passes, `'2023-02-29'` does not). */
export const isoDateSchema = z.iso.date({
  error: 'must be a real calendar date written YYYY-MM-DD, e.g. 2025-03-31',
});

/** A calendar date as `YYYY-MM-DD`. */
export type IsoDate = z.infer<typeof isoDateSchema>;

/**
 * An RFC 3339 timestamp with an explicit offset or `Z`, e.g. `'2025-03-31T09:30:00+08:00'`. Timestamps without an
 * offset are refused because they are ambiguous across the platforms' time zones.
 */
export const isoDateTimeSchema = z.iso.datetime({
  offset: true,
  error: 'must be an RFC 3339 timestamp with Z or an offset, e.g. 2025-03-31T09:30:00+08:00',
});

/** An RFC 3339 timestamp with an offset or `Z`. */
export type IsoDateTime = z.infer<typeof isoDateTimeSchema>;
