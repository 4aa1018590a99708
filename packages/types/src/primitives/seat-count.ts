import { z } from 'zod';

/** The largest seat count any request may carry: 1,000,000. */
export const MAX_SEATS = 1_000_000;

/** A number of licensed seats: a whole number from 1 to {@link MAX_SEATS}. */
export const seatCountSchema = z
  .number({ error: 'must be a number of seats, e.g. 25' })
  .int('must be a whole number of seats')
  .min(1, 'must be at least 1 seat')
  .max(MAX_SEATS, `must be at most ${MAX_SEATS} seats`);

/** A number of licensed seats, 1 to {@link MAX_SEATS}. */
export type SeatCount = z.infer<typeof seatCountSchema>;
