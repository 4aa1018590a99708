import {
  type LicenceChange,
  type LicencePreview,
  type LicenceState,
  licenceChangeSchema,
  licencePreviewSchema,
  licenceStateSchema,
} from '@channelkit/types';
import type { PartnerAdapter } from '../port/adapter-port';
import { createMemoryStateStore } from '../state/memory-state-store';
import type { SyncStateStore } from '../state/sync-state-store';
import type { LicenceApplyOptions } from '../sync/apply-plan';
import { applyLicencePlan } from '../sync/apply-plan';
import type { LicenceApplyReport } from '../sync/apply-report';
import type { DesiredLicence } from '../sync/desired-licence';
import type { LicencePlan } from '../sync/licence-plan';
import { type LicencePlanOptions, planLicences } from '../sync/plan-licences';
import { type PlatformTarget, registerTarget, type TargetCall } from '../sync/platform-target';
import { accountIdSchema } from './account-id';
import type { RequestOptions } from './client-options';
import type { OperationRunner } from './operation-runner';

/** Licence (seat) counts of one platform's accounts: `client.licences`. */
export interface LicencesResource {
  /**
   * Reads an account's plan and seats: `seats.purchased`, `seats.assigned` and, where the platform has them,
   * `seats.pending` and `seats.cap`.
   */
  get(accountId: string, options?: RequestOptions): Promise<LicenceState>;
  /**
   * Changes an account's seat count (and optionally its plan). Invalid input is refused before anything is sent; a
   * count the platform would refuse, such as fewer seats than are assigned, is refused after a fresh read and before
   * any write. Emits `licence.changed`.
   * @example
   * await client.licences.set(account.id, { seats: 40 });
   */
  set(accountId: string, change: LicenceChange, options?: RequestOptions): Promise<LicenceState>;
  /**
   * Plans a licence sync, like `terraform plan`: reads every account of `desired` (a list, or a stream of rows) with
   * bounded concurrency under the platform's rate limiter, and returns a {@link LicencePlan}: plain JSON with a
   * content hash, an action per account (`increase`, `decrease`, `change_plan` or `noop`) and the rows that break a
   * seat rule (`violations`), each with the figures before and after and a reason in words. Reads only. A list is
   * validated whole before any request (`ValidationError` naming the row and field).
   * @example
   * const plan = await client.licences.plan([{ accountId: 'a1b2c3', seats: 25 }]);
   * console.log(plan.summary, plan.violations.map((v) => v.reason));
   */
  plan(
    desired: Iterable<DesiredLicence> | AsyncIterable<DesiredLicence>,
    options?: LicencePlanOptions,
  ): Promise<LicencePlan>;
  /**
   * Applies a plan made by `plan()`, like `terraform apply`: refuses a plan edited since (before any request), then
   * runs its actions with bounded concurrency; each reads the account afresh and writes only while the plan's figures
   * still hold (else it is `stale`, never overwritten), under an idempotency key derived from the plan. Settled
   * actions are recorded in `options.store`, so the same plan run again with the same store repeats nothing and
   * finishes the rest. Emits `licence.changed` per write and `sync.completed` at the end; resolves with a report of
   * every action (also when aborted).
   * @example
   * const report = await client.licences.apply(plan, { store, concurrency: 8, onProgress: (p) => console.log(p.done, p.total) });
   */
  apply(plan: LicencePlan, options?: LicenceApplyOptions): Promise<LicenceApplyReport>;
  /**
   * Asks the platform what `change` would do, without making it: plan and seats before and after, whether the
   * platform would accept it (and its reasons if not), and the platform's own figures of what it costs. Only on
   * platforms that can preview (`capabilities.licences.preview`; Zoom Partner Commerce); elsewhere it throws
   * `UnsupportedOperationError`. Nothing changes on the platform, and no event is emitted.
   * @example
   * const preview = await client.licences.preview(account.id, { seats: 40 });
   * if (!preview.accepted) console.log(preview.refusals);
   */
  preview(
    accountId: string,
    change: LicenceChange,
    options?: Omit<RequestOptions, 'idempotencyKey'>,
  ): Promise<LicencePreview>;
}

/** Builds `client.licences` over an adapter. */
export function createLicencesResource(adapter: PartnerAdapter, run: OperationRunner): LicencesResource {
  const { licences, capabilities } = adapter;
  let defaultStore: SyncStateStore | undefined;

  const callOptions = (call: TargetCall): RequestOptions => ({
    signal: call.signal,
    timeoutMs: call.timeoutMs,
  });
  const previewMethod = capabilities.licences.preview ? licences.preview : undefined;
  const target: PlatformTarget = {
    partner: adapter.partner,
    scope: adapter.idempotencyScope,
    seatRules: adapter.seatRules,
    supports: { get: capabilities.licences.get, set: capabilities.licences.set },
    logger: run.logger,
    async read(accountId, call) {
      return run.output(
        licenceStateSchema,
        await licences.get(accountId, run.context(callOptions(call))),
        'licences.get',
      );
    },
    async write(accountId, change, call) {
      const parsed = run.input(licenceChangeSchema, change, 'licence change');
      return run.write(
        {
          operation: 'licences.set',
          input: { accountId, change: parsed },
          output: licenceStateSchema,
          resourceId: accountId,
          remember: false,
        },
        { ...callOptions(call), idempotencyKey: call.idempotencyKey },
        (context) => licences.set(accountId, parsed, context),
        (current, key) => run.emit('licence.changed', key, { accountId, previous: call.previous, current }),
      );
    },
    // The platform's figures go into the plan as the client's own `licences.preview` returns them: validated.
    preview:
      previewMethod === undefined
        ? undefined
        : async (accountId, change, call) =>
            run.output(
              licencePreviewSchema,
              await previewMethod.call(licences, accountId, change, run.context(callOptions(call))),
              'licences.preview',
            ),
    completed(runId, fields) {
      run.emit('sync.completed', `${fields.planHash}:${runId}`, fields);
    },
  };
  const targets = new Map([[adapter.partner, target]]);

  const resource: LicencesResource = {
    async get(accountId, options) {
      run.require(licences.get, capabilities.licences.get, 'licences.get');
      const id = run.argument(accountIdSchema, accountId, 'accountId', 'licences.get');
      const context = run.context(options);
      return run.output(licenceStateSchema, await licences.get(id, context), 'licences.get');
    },

    async set(accountId, change, options) {
      run.require(licences.set, capabilities.licences.set, 'licences.set');
      const id = run.argument(accountIdSchema, accountId, 'accountId', 'licences.set');
      const parsed = run.input(licenceChangeSchema, change, 'licence change');
      return run.write(
        {
          operation: 'licences.set',
          input: { accountId: id, change: parsed },
          output: licenceStateSchema,
          resourceId: id,
        },
        options,
        (context) => licences.set(id, parsed, context),
        (current, key) => run.emit('licence.changed', key, { accountId: id, current }),
      );
    },

    plan(desired, options = {}) {
      return planLicences(targets, desired, options, adapter.partner);
    },

    apply(plan, options = {}) {
      defaultStore ??= createMemoryStateStore();
      return applyLicencePlan(targets, plan, options, defaultStore);
    },

    async preview(accountId, change, options) {
      const method = run.require(licences.preview, capabilities.licences.preview, 'licences.preview');
      const id = run.argument(accountIdSchema, accountId, 'accountId', 'licences.preview');
      const parsed = run.input(licenceChangeSchema, change, 'licence change');
      const context = run.context(options);
      return run.output(
        licencePreviewSchema,
        await method.call(licences, id, parsed, context),
        'licences.preview',
      );
    },
  };
  registerTarget(resource, target);
  return resource;
}
