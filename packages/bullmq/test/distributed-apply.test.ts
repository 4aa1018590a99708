// Several worker processes apply one plan through the queue against the sandbox, with the sandbox enforcing Zoom's
// rate limits per master account and failing 10% of API requests; one worker is killed with SIGKILL half-way and
// another started. The bench (bench/bullmq-workers.ts) runs the same at 2,000 accounts; this test uses fewer so that
// the suite stays quick on a small machine.
import { type RunningSandbox, startSandbox, ZOOM_SANDBOX_CREDENTIALS } from '@channelkit/sandbox';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createChannelQueue } from '../src/index';
import type { WorkerChildConfig } from './fixtures/worker-child';
import { testBackends } from './harness/backends';
import { appliedWrites, seedAndPlan } from './harness/sandbox-plan';
import { startWorkerProcess, type WorkerProcess } from './harness/worker-process';

const ACCOUNTS = 240;
const SANDBOX_LIMITS = { light: 200, medium: 200, heavy: 150 };
const FAULT_RATE = 0.1;

for (const backend of testBackends()) {
  describe.skipIf(backend.missing !== undefined)(
    `distributed apply on ${backend.name}${backend.missing ? ` (skipped: ${backend.missing})` : ''}`,
    () => {
      let url: string;
      let running: RunningSandbox | undefined;
      const processes: WorkerProcess[] = [];
      beforeAll(async () => {
        url = await backend.start();
      });
      afterAll(async () => {
        await backend.stop();
      });
      afterEach(async () => {
        for (const worker of processes.splice(0)) worker.process.kill('SIGKILL');
        await running?.close();
      });

      it('4 worker processes, one killed with SIGKILL and replaced: desired state, each change written once, no 429 storm', {
        timeout: 240_000,
      }, async () => {
        running = await startSandbox({ seed: 21, rateLimits: { zoom: SANDBOX_LIMITS } });
        const plan = await seedAndPlan(running, ACCOUNTS, SANDBOX_LIMITS);
        expect(plan.violations).toEqual([]);
        const changes = plan.actions.filter((action) => action.kind !== 'noop');
        const firstRequest = running.sandbox.requests.length;
        for (const fault of [
          { kind: 'rate_limit' as const },
          { kind: 'server_error' as const, status: 503 as const },
          { kind: 'reset' as const },
        ]) {
          running.sandbox.faults.add({
            platform: 'zoom',
            path: /^\/v2\//,
            probability: FAULT_RATE / 3,
            fault,
          });
        }

        const queue = createChannelQueue({ connection: url, prefix: 'dist' });
        await queue.enqueueApply(plan);
        const urls = running.urls('zoom');
        const config: WorkerChildConfig = {
          connection: url,
          prefix: 'dist',
          masters: [
            { baseUrl: urls.baseUrl, oauthUrl: urls.oauthUrl, accountId: ZOOM_SANDBOX_CREDENTIALS.accountId },
          ],
          // Retries after the injected faults add about a tenth more requests than the actions need: the queue
          // is given that much less than the platform allows.
          rateProfile: {
            limits: { medium: SANDBOX_LIMITS.medium * 0.85, heavy: SANDBOX_LIMITS.heavy * 0.85 },
            perJob: { medium: 2, heavy: 3 },
          },
          clientRateLimit: SANDBOX_LIMITS,
          concurrency: 8,
          lockDurationMs: 3_000,
          stalledIntervalMs: 1_500,
        };
        processes.push(...(await Promise.all([1, 2, 3, 4].map(() => startWorkerProcess(config)))));

        const written = () =>
          [...appliedWrites(running as RunningSandbox).values()].reduce((a, b) => a + b, 0);
        while (written() < changes.length * 0.3) await new Promise((resolve) => setTimeout(resolve, 20));
        const victim = processes[0] as WorkerProcess;
        victim.process.kill('SIGKILL');
        expect((await victim.exited).signal).toBe('SIGKILL');
        expect(written()).toBeLessThan(changes.length);
        processes.push(await startWorkerProcess(config));

        const report = await queue.waitForApply(plan.hash, { intervalMs: 250 });
        await queue.close();

        // Graceful shutdown of the others: SIGTERM, then they exit on their own.
        const survivors = processes.splice(1);
        processes.splice(0);
        for (const worker of survivors) worker.process.kill('SIGTERM');
        for (const worker of survivors) {
          const exit = await worker.exited;
          expect(exit.code, exit.stderr).toBe(0);
          expect(exit.stdout).toContain('closed');
        }

        expect(report.complete).toBe(true);
        expect(report.totals).toMatchObject({ failed: 0, notDone: 0, stale: 0 });
        expect(report.totals.applied + report.totals.alreadyApplied).toBe(changes.length);
        const writes = appliedWrites(running);
        for (const action of plan.actions) {
          expect(running.sandbox.zoom.getAccount(action.accountId)?.plan?.hosts, action.id).toBe(
            action.after.seats,
          );
          expect(writes.get(action.accountId) ?? 0, `writes applied to ${action.id}`).toBe(
            action.kind === 'noop' ? 0 : 1,
          );
        }
        const requests = running.sandbox.requests
          .slice(firstRequest)
          .filter((record) => record.platform === 'zoom');
        const limited = requests.filter((record) => record.status === 429 && record.fault === undefined);
        expect(limited.length / requests.length).toBeLessThan(0.01);
      });
    },
  );
}
