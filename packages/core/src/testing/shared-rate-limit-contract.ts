import { describe, expect, it } from 'vitest';
import type { SharedRateLimit } from '../transport/shared-rate-limit';

/** A shared rate limit under test: two handles on one fresh limit, as two processes would hold it. */
export interface SharedRateLimitUnderTest {
  /** A handle on a limit no one has reserved from yet (a fresh name or key prefix). */
  limit: SharedRateLimit;
  /** A second handle on the same limit (another connection where the limit lives in a server). */
  other: SharedRateLimit;
  /** A handle on another limit of the same store (another name): it must not share the first one's schedule. */
  unrelated: SharedRateLimit;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Runs `reserve` calls one after the other; returns their waits and the milliseconds the calls took in all. */
async function reserveInTurn(calls: (() => Promise<number>)[]) {
  const started = performance.now();
  const waits: number[] = [];
  for (const call of calls) waits.push(await call());
  return { waits, elapsed: performance.now() - started };
}

/**
 * The behaviour every `SharedRateLimit` must have, as the transport relies on it, as a vitest suite. Run it against a
 * new implementation at the top level of a test file; `open` must return handles on a limit no one has used. The
 * suite runs on the real clock, with bounds that a slow machine can only loosen, never break: a reservation's wait
 * is checked against the schedule minus the time the calls took.
 * @example
 * import { describeSharedRateLimitContract } from '@channelkit/core/testing';
 *
 * describeSharedRateLimitContract('memory', () => {
 *   const limit = createMemorySharedRateLimit();
 *   return { limit, other: limit, unrelated: createMemorySharedRateLimit() };
 * });
 */
export function describeSharedRateLimitContract(
  name: string,
  open: () => SharedRateLimitUnderTest | Promise<SharedRateLimitUnderTest>,
): void {
  describe(`SharedRateLimit contract: ${name}`, () => {
    it('lets the first request of a category go at once and spaces the next ones 1/perSecond apart', async () => {
      const { limit } = await open();
      const { waits, elapsed } = await reserveInTurn(
        Array.from({ length: 5 }, () => () => limit.reserve('heavy', 4)),
      );
      expect(waits[0]).toBe(0);
      // The n-th moment is n × 250 ms after the first; the calls took `elapsed` of it already.
      waits.forEach((wait, n) => {
        expect(wait).toBeLessThanOrEqual(n * 250 + 1);
        expect(wait).toBeGreaterThanOrEqual(n * 250 - elapsed - 1);
      });
    });

    it('keeps one schedule for every handle on the limit', async () => {
      const { limit, other } = await open();
      const { waits, elapsed } = await reserveInTurn(
        Array.from({ length: 6 }, (_, n) => () => (n % 2 === 0 ? limit : other).reserve('heavy', 4)),
      );
      waits.forEach((wait, n) => {
        expect(wait).toBeLessThanOrEqual(n * 250 + 1);
        expect(wait).toBeGreaterThanOrEqual(n * 250 - elapsed - 1);
      });
    });

    it('gives each of many concurrent reservations its own moment', async () => {
      const { limit, other } = await open();
      const started = performance.now();
      const waits = await Promise.all(
        Array.from({ length: 40 }, (_, n) => (n % 2 === 0 ? limit : other).reserve('medium', 100)),
      );
      const elapsed = performance.now() - started;
      // 40 moments 10 ms apart: the last is 390 ms after the first, whatever order the calls arrived in.
      expect(Math.max(...waits)).toBeGreaterThanOrEqual(390 - elapsed - 1);
      expect(Math.max(...waits)).toBeLessThanOrEqual(391);
    });

    it('keeps categories, and limits of other names, apart', async () => {
      const { limit, unrelated } = await open();
      for (let n = 0; n < 4; n++) await limit.reserve('heavy', 1);
      expect(await limit.reserve('light', 1)).toBe(0);
      expect(await unrelated.reserve('heavy', 1)).toBe(0);
    });

    it('does not save up moments: a category idle for a while starts again from now', async () => {
      const { limit } = await open();
      await limit.reserve('heavy', 2);
      await limit.reserve('heavy', 2); // the next free moment is now 1 s after the first
      await sleep(1_100);
      expect(await limit.reserve('heavy', 2)).toBe(0);
      // ...and the next one waits its interval again: the idle time was not banked as a burst.
      expect(await limit.reserve('heavy', 2)).toBeGreaterThan(0);
    });

    it('holds back every handle after hold(), and a shorter hold does not shorten a longer one', async () => {
      const { limit, other } = await open();
      const started = performance.now();
      await limit.hold('heavy', 1_000);
      await limit.hold('heavy', 10);
      const wait = await other.reserve('heavy', 100);
      const elapsed = performance.now() - started;
      expect(wait).toBeGreaterThanOrEqual(1_000 - elapsed - 1);
      expect(wait).toBeLessThanOrEqual(1_001);
      expect(await other.reserve('light', 100)).toBe(0);
    });
  });
}
