import {
  type LicenceChange,
  type LicencePreview,
  type LicenceState,
  licenceChangeSchema,
  licencePreviewSchema,
  licenceStateSchema,
} from '@channelkit/types';
import type { PartnerAdapter } from '../port/adapter-port';
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
  return {
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
}
