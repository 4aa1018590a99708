import { ConflictError, type LicencesPort, type OperationContext } from '@channelkit/core';
import type { LicenceState } from '@channelkit/types';
import { beijingDate } from './beijing-time';
import { bizNoFor } from './biz-no';
import { toLicenceState } from './mapping';
import { type BizconfScope, enterprisePath, exchange } from './request';
import { checkSeatChange } from './seat-rules';
import { licenceSchema } from './wire-schemas';

function readLicence(accountId: string, operation: string, context: OperationContext) {
  return exchange(
    context,
    'query',
    { operation, method: 'GET', path: enterprisePath(accountId, '/licence') },
    licenceSchema,
  );
}

/** The licences port over the Bizconf contract's annual licences. */
export function bizconfLicences(scope: BizconfScope): LicencesPort {
  return {
    get: async (accountId, context) =>
      toLicenceState(accountId, (await readLicence(accountId, 'licences.get', context)).data),

    set: async (accountId, change, context): Promise<LicenceState> => {
      const operation = 'licences.set';
      const path = enterprisePath(accountId, '/licence');
      // A fresh read: every seat rule is checked against it before anything is written.
      const read = await readLicence(accountId, operation, context);
      const current = read.data;
      if (current.status === 'EXPIRED') {
        throw new ConflictError({
          status: 409,
          platform: 'bizconf',
          request: { method: 'GET', url: `${scope.apiUrl}${path}`, headers: {} },
          requestId: read.requestId,
          message:
            `bizconf: the licence of account ${accountId} expired on ${current.termEnd} without renewal, so its ` +
            'seats cannot change. Renew it with Bizconf first.',
        });
      }
      checkSeatChange(accountId, current, change, beijingDate(Date.now()));
      if (change.seats === current.seats && (current.renewalSeats ?? undefined) === undefined) {
        context.logger.info('bizconf: seats already as asked; nothing to change', { accountId });
        return toLicenceState(accountId, current);
      }
      const bizNo = bizNoFor(scope.appId, operation, accountId, context.idempotencyKey);
      const { data } = await exchange(
        context,
        'write',
        // The bizNo makes a repeat answer the first answer again: safe to retry after a lost answer.
        { operation, method: 'POST', path, body: { bizNo, seats: change.seats }, idempotent: true },
        licenceSchema,
      );
      context.logger.info(
        data.seats === change.seats
          ? 'bizconf: seats changed'
          : 'bizconf: seat decrease scheduled for the renewal',
        { accountId, seats: data.seats, renewalSeats: data.renewalSeats ?? undefined },
      );
      return toLicenceState(accountId, data);
    },
  };
}
