import { type RunningSandbox, startSandbox, ZOOM_SANDBOX_CREDENTIALS } from '@channelkit/sandbox';
import { zoom } from '@channelkit/zoom';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type ChannelQueue, createChannelQueue, type RunningWorker, runWorker } from '../src/index';
import { queueNameOf } from '../src/internal/queue-names';
import { openBackend } from '../src/queue-backend';
import { testBackends } from './harness/backends';
import { appliedWrites, seedAndPlan } from './harness/sandbox-plan';

const customer = {
  profile: {
    legalName: 'Example Meetings GmbH',
    country: 'DE',
    industry: 'software',
    employeeCount: '51-250',
    website: 'https://example.de',
    address: { line1: 'Hauptstraße 1', city: 'Berlin', region: 'BE', postalCode: '10115', country: 'DE' },
  },
  admin: {
    firstName: 'Anna',
    lastName: 'Schmidt',
    email: 'admin@meetings.example.de',
    mobile: '+4917012345678',
  },
  seats: 10,
} as const;

for (const backend of testBackends()) {
  describe.skipIf(backend.missing !== undefined)(
    `queue on ${backend.name}${backend.missing ? ` (skipped: ${backend.missing})` : ''}`,
    () => {
      let url: string;
      let running: RunningSandbox | undefined;
      let queue: ChannelQueue | undefined;
      const workers: RunningWorker[] = [];
      let prefixes = 0;
      beforeAll(async () => {
        url = await backend.start();
      });
      afterAll(async () => {
        await backend.stop();
      });
      afterEach(async () => {
        await Promise.all(workers.splice(0).map((worker) => worker.close()));
        await queue?.close();
        await running?.close();
      });
      const start = async (concurrency = 4) => {
        prefixes += 1;
        const prefix = `q${prefixes}`;
        running = await startSandbox({ seed: 5 });
        queue = createChannelQueue({ connection: url, prefix });
        const urls = running.urls('zoom');
        const worker = () =>
          runWorker({
            connection: url,
            prefix,
            adapters: {
              zoom: zoom({ ...ZOOM_SANDBOX_CREDENTIALS, baseUrl: urls.baseUrl, oauthUrl: urls.oauthUrl }),
            },
            clientOptions: { maxRetries: 8, retry: { baseDelayMs: 5, maxDelayMs: 100 } },
            handleSignals: false,
            concurrency,
          }).then((started) => {
            workers.push(started);
            return started;
          });
        return { running, queue, worker };
      };

      it('enqueues a plan once, runs it on two workers, and reports as licences.apply() does', async () => {
        const { running, queue, worker } = await start();
        const plan = await seedAndPlan(running, 24);
        const changes = plan.actions.filter((action) => action.kind !== 'noop');

        const first = await queue.enqueueApply(plan);
        expect(first).toMatchObject({ planHash: plan.hash, jobs: changes.length, alreadyEnqueued: false });
        const again = await queue.enqueueApply(JSON.parse(JSON.stringify(plan)));
        expect(again.alreadyEnqueued).toBe(true);
        const bull = createChannelQueue({ connection: url, prefix: `q${prefixes}` });
        // No worker yet: every change waits, once.
        const waiting = await queue.getApplyReport(plan.hash);
        expect(waiting.totals).toMatchObject({ actions: plan.actions.length, notDone: changes.length });
        expect(waiting.complete).toBe(false);
        await bull.close();

        await Promise.all([worker(), worker()]);
        const report = await queue.waitForApply(plan.hash, { intervalMs: 200 });
        expect(report.complete).toBe(true);
        expect(report.totals).toMatchObject({
          actions: plan.actions.length,
          applied: changes.length,
          noop: plan.actions.length - changes.length,
          failed: 0,
          notDone: 0,
        });
        expect(report.outcomes.map((outcome) => outcome.actionId)).toEqual(
          plan.actions.map((action) => action.id),
        );
        const writes = appliedWrites(running);
        for (const action of plan.actions) {
          expect(running.sandbox.zoom.getAccount(action.accountId)?.plan?.hosts).toBe(action.after.seats);
          expect(writes.get(action.accountId) ?? 0).toBe(action.kind === 'noop' ? 0 : 1);
        }
        // Read from another process's point of view: a fresh producer gives the same report.
        const other = createChannelQueue({ connection: url, prefix: `q${prefixes}` });
        const elsewhere = await other.getApplyReport(plan.hash);
        await other.close();
        expect(elsewhere.totals).toEqual(report.totals);
        expect(elsewhere.outcomes.map((outcome) => outcome.status)).toEqual(
          report.outcomes.map((outcome) => outcome.status),
        );
      });

      it('reports an account changed since the plan as stale, and writes nothing to it', async () => {
        const { running, queue, worker } = await start();
        const plan = await seedAndPlan(running, 6);
        const drifted = plan.actions.find((action) => action.kind !== 'noop');
        if (!drifted) throw new Error('expected a change');
        running.sandbox.zoom.setPlan(drifted.accountId, { type: 'business_monthly', hosts: 99 });
        await queue.enqueueApply(plan);
        await worker();
        const report = await queue.waitForApply(plan.hash, { intervalMs: 200 });
        expect(report.outcomes.find((outcome) => outcome.actionId === drifted.id)?.status).toBe('stale');
        expect(running.sandbox.zoom.getAccount(drifted.accountId)?.plan?.hosts).toBe(99);
        expect(appliedWrites(running).get(drifted.accountId)).toBeUndefined();
      });

      it('provisions once per idempotency key, however often it is enqueued', async () => {
        const { running, queue, worker } = await start();
        const target = {
          partner: 'zoom',
          scope: ZOOM_SANDBOX_CREDENTIALS.accountId,
          idempotencyKey: 'crm-4711',
        };
        const first = await queue.enqueueProvision(customer, target);
        const second = await queue.enqueueProvision(customer, target);
        expect(first.added).toBe(true);
        expect(second).toEqual({ ...first, added: false });
        expect(first.queue).toBe(queueNameOf('zoom', ZOOM_SANDBOX_CREDENTIALS.accountId));
        await worker();
        let status = await queue.getProvision(target);
        while (status.state !== 'completed' && status.state !== 'failed') {
          await new Promise((resolve) => setTimeout(resolve, 100));
          status = await queue.getProvision(target);
        }
        expect(status.failedReason).toBeUndefined();
        expect(status.state).toBe('completed');
        const created = running.sandbox.requests.filter(
          (record) => record.method === 'POST' && record.path === '/v2/accounts' && record.status === 201,
        );
        expect(created).toHaveLength(1);
        expect(running.sandbox.zoom.getAccount(status.account?.id ?? 'none')).toBeDefined();
      });

      it('pauses the whole queue for the Retry-After of a 429, not just the job that met it', async () => {
        const { running, queue, worker } = await start(2);
        const plan = await seedAndPlan(running, 12);
        const first = running.sandbox.requests.length;
        running.sandbox.faults.add({
          platform: 'zoom',
          path: /^\/v2\/accounts\/[^/]+\/plans$/,
          method: 'GET',
          times: 1,
          fault: { kind: 'rate_limit', retryAfterSeconds: 2 },
        });
        await queue.enqueueApply(plan);
        await worker();
        const report = await queue.waitForApply(plan.hash, { intervalMs: 200 });
        expect(report.complete).toBe(true);
        const limited = running.sandbox.requests.slice(first).find((record) => record.status === 429);
        if (limited === undefined) throw new Error('expected the 429');
        // Jobs taken after the 429 were held back for the 2 seconds the platform asked for (jobs already taken
        // before it ran on).
        const backendHandle = openBackend(url, `q${prefixes}`);
        const jobs = await backendHandle
          .queue(queueNameOf('zoom', ZOOM_SANDBOX_CREDENTIALS.accountId))
          .getJobs(['completed']);
        await backendHandle.close();
        expect(jobs).toHaveLength(plan.actions.filter((action) => action.kind !== 'noop').length);
        const takenAfter = jobs.map((job) => job.processedOn ?? 0).filter((at) => at > limited.at);
        expect(takenAfter.length).toBeGreaterThan(0);
        for (const at of takenAfter) expect(at - limited.at).toBeGreaterThanOrEqual(1_900);
      });

      it('reports an action whose attempts all failed, and retries it when the plan is enqueued again', async () => {
        const { running, queue, worker } = await start();
        const plan = await seedAndPlan(running, 4);
        const failing = plan.actions.find((action) => action.kind !== 'noop');
        if (!failing) throw new Error('expected a change');
        // Every attempt's fresh read fails: 9 requests per attempt (8 retries), 5 attempts.
        running.sandbox.faults.add({
          platform: 'zoom',
          path: `/v2/accounts/${failing.accountId}/plans/usage`,
          times: 45,
          fault: { kind: 'server_error', status: 503 },
        });
        const fast = createChannelQueue({ connection: url, prefix: `q${prefixes}`, attempts: 1 });
        await fast.enqueueApply(plan);
        await fast.close();
        await worker();
        const failed = await queue.waitForApply(plan.hash, { intervalMs: 200 });
        expect(failed.complete).toBe(false);
        expect(failed.outcomes.find((outcome) => outcome.actionId === failing.id)).toMatchObject({
          status: 'failed',
          error: { code: 'server_error' },
        });
        expect(failed.totals.failed).toBe(1);

        running.sandbox.faults.clear();
        const again = await queue.enqueueApply(plan);
        expect(again).toMatchObject({ alreadyEnqueued: true, retried: 1 });
        const report = await queue.waitForApply(plan.hash, { intervalMs: 200 });
        expect(report.complete).toBe(true);
        expect(running.sandbox.zoom.getAccount(failing.accountId)?.plan?.hosts).toBe(failing.after.seats);
        expect(appliedWrites(running).get(failing.accountId)).toBe(1);
      });

      it('refuses an edited plan before enqueuing anything', async () => {
        const { running, queue } = await start();
        const plan = await seedAndPlan(running, 4);
        const edited = JSON.parse(JSON.stringify(plan));
        edited.actions[1].after.seats += 1;
        await expect(queue.enqueueApply(edited)).rejects.toThrow(/hash/);
        await expect(queue.getApplyReport(plan.hash)).rejects.toThrow(/No plan/);
      });
    },
  );
}
