// The acceptance run: 4 worker processes apply a 2,000-account plan across the four partner platforms (500 accounts
// each) through the queue against the sandbox, which enforces each platform's rate limits and fails 10% of API
// requests; one worker is killed with SIGKILL
// part-way and another started. The run itself (harness/distributed-run.ts) is the one the bench
// (bench/bullmq-workers.ts --kill) measures; the test asserts what it must leave behind, on both backends. Nothing in
// it is timed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBackends } from './harness/backends';
import { FAULTY_RUN, runDistributedApply } from './harness/distributed-run';

const PARTNERS = Object.keys(FAULTY_RUN.limits);

for (const backend of testBackends()) {
  describe.skipIf(backend.missing !== undefined)(
    `distributed apply on ${backend.name}${backend.missing ? ` (skipped: ${backend.missing})` : ''}`,
    () => {
      let url: string;
      beforeAll(async () => {
        url = await backend.start();
      });
      afterAll(async () => {
        await backend.stop();
      });

      it(`${FAULTY_RUN.workers} worker processes apply ${PARTNERS.length * FAULTY_RUN.accounts} accounts on ${PARTNERS.join(', ')} with 10% faults, one killed with SIGKILL and replaced: desired state, each change written once, no 429 storm`, {
        timeout: 600_000,
      }, async () => {
        const run = await runDistributedApply({
          ...FAULTY_RUN,
          connection: url,
          prefix: 'dist',
          seed: 21,
        });

        expect(run.actions).toBe(PARTNERS.length * FAULTY_RUN.accounts);
        // The worker died in the middle of the run, with work left for the others.
        expect(run.killed?.signal).toBe('SIGKILL');
        expect(run.killed?.writtenBefore).toBeLessThan(run.changes);
        // The others shut down gracefully on SIGTERM.
        for (const exit of run.shutdowns) {
          expect(exit.code, exit.stderr).toBe(0);
          expect(exit.stdout).toContain('closed');
        }
        const [report] = run.reports;
        expect(report?.complete).toBe(true);
        expect(report?.totals).toMatchObject({ failed: 0, notDone: 0, stale: 0 });
        expect((report?.totals.applied ?? 0) + (report?.totals.alreadyApplied ?? 0)).toBe(run.changes);
        // Every account holds its planned seats, and was written exactly as often as its action needs: never twice.
        expect(run.wrongState).toEqual([]);
        expect(run.wrongWrites).toEqual([]);
        expect(run.writes).toBe(run.changes);
        // Refusals of the sandbox's limiter (not the injected faults) stay under 1% of the requests, on every platform.
        expect(run.limited / run.requests).toBeLessThan(0.01);
        for (const partner of PARTNERS) {
          const figures = run.perPlatform[partner];
          expect(figures?.writes, partner).toBeGreaterThan(0);
          expect((figures?.limited ?? 0) / (figures?.requests ?? 1), partner).toBeLessThan(0.01);
        }
      });
    },
  );
}
