import { ConfigurationError } from '../errors/configuration-error';

/**
 * Bounds on one walk over pages, so that no listing or lookup can run forever, whatever the platform answers.
 * Reaching one stops the walk with a `PaginationError`.
 */
export interface PaginationBounds {
  /** The most pages one walk fetches. @default 1000 */
  maxPages: number;
  /**
   * The most time one walk spends waiting for pages, in milliseconds. Only fetching counts: time your own loop spends
   * between pages does not. @default 300000 (5 minutes)
   */
  maxDurationMs: number;
}

/**
 * The bounds used when none are given: 1 000 pages (300 000 Zoom sub-accounts at Zoom's largest page) and 5 minutes
 * spent fetching. A platform that keeps offering new pages is stopped after about 17 s at Zoom's Medium rate limit.
 */
export const DEFAULT_PAGINATION_BOUNDS: Readonly<PaginationBounds> = Object.freeze({
  maxPages: 1_000,
  maxDurationMs: 300_000,
});

/** Largest accepted `maxDurationMs`: a day, far beyond any listing and any platform's page-token lifetime. */
const MAX_DURATION_MS = 86_400_000;

/**
 * Fills in the defaults and checks the bounds; throws `ConfigurationError` naming the option (e.g.
 * `pagination.maxPages`) for a value that is not a positive whole number in range.
 */
export function resolvePaginationBounds(
  bounds: Partial<PaginationBounds> | undefined,
  optionPrefix = 'pagination',
): PaginationBounds {
  const maxPages = bounds?.maxPages ?? DEFAULT_PAGINATION_BOUNDS.maxPages;
  const maxDurationMs = bounds?.maxDurationMs ?? DEFAULT_PAGINATION_BOUNDS.maxDurationMs;
  if (!Number.isSafeInteger(maxPages) || maxPages < 1) {
    throw new ConfigurationError({
      option: `${optionPrefix}.maxPages`,
      problem: `must be a positive whole number of pages (got ${String(maxPages)})`,
    });
  }
  if (!Number.isFinite(maxDurationMs) || maxDurationMs <= 0 || maxDurationMs > MAX_DURATION_MS) {
    throw new ConfigurationError({
      option: `${optionPrefix}.maxDurationMs`,
      problem: `must be a positive number of milliseconds up to ${MAX_DURATION_MS} (got ${String(maxDurationMs)})`,
    });
  }
  return { maxPages, maxDurationMs };
}
