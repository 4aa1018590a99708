import type { LicencesPort, OperationContext } from '@channelkit/core';
import type { LicenceState } from '@channelkit/types';
import { invalidField } from './errors';
import { commitmentOf, PLAN_SEAT_LIMITS, toLicenceState } from './mapping';
import { callParsed, contradiction, type ZhumuAnswer, type ZhumuCall } from './request';
import { type ZhumuLicence, zhumuLicenceSchema } from './wire-schemas';

/** `enterprise/licence/get`, validated, and checked to be the licence of the enterprise asked for. */
export async function readLicence(
  accountId: string,
  operation: string,
  context: OperationContext,
): Promise<ZhumuAnswer<ZhumuLicence>> {
  const call: ZhumuCall = {
    operation,
    endpoint: '/enterprise/licence/get',
    category: 'read',
    fields: { enterprise_id: accountId },
    idempotent: true,
  };
  const answer = await callParsed(context, call, zhumuLicenceSchema);
  if (answer.data.enterprise_id !== accountId) {
    throw contradiction(call, 'enterprise_id', `asked for ${accountId}, got ${answer.data.enterprise_id}`);
  }
  return answer;
}

/** Zhumu's seat rules for a change, checked against a fresh read before anything is written. */
function checkChange(accountId: string, current: ZhumuLicence, seats: number, plan: string): void {
  if (seats < current.seats_used) {
    throw invalidField(
      'seats',
      `Cannot set ${seats} seats: ${current.seats_used} seats of Zhumu enterprise ${accountId} are in use. ` +
        `Free at least ${current.seats_used - seats} seats first, or ask for ${current.seats_used} seats or more.`,
    );
  }
  if (plan === 'trial' && current.plan !== 'trial') {
    throw invalidField(
      'plan',
      `Zhumu does not turn a ${current.plan} licence into a trial; keep plan ${current.plan}.`,
    );
  }
  // The cap of the plan the licence will have: the one Zhumu reported for an unchanged plan, else the contract's.
  const cap = plan === current.plan ? (current.seat_limit ?? undefined) : PLAN_SEAT_LIMITS[plan];
  if (cap !== undefined && seats > cap) {
    throw invalidField('seats', `Zhumu's ${plan} plan allows at most ${cap} seats; asked for ${seats}.`);
  }
}

/** The licences port over Zhumu's `enterprise/licence/*` endpoints. */
export function zhumuLicences(): LicencesPort {
  return {
    get: async (accountId, context) =>
      toLicenceState(accountId, (await readLicence(accountId, 'licences.get', context)).data),
    set: async (accountId, change, context): Promise<LicenceState> => {
      const current = (await readLicence(accountId, 'licences.set', context)).data;
      const plan = change.plan ?? current.plan;
      checkChange(accountId, current, change.seats, plan);
      const call: ZhumuCall = {
        operation: 'licences.set',
        endpoint: '/enterprise/licence/set',
        category: 'write',
        // Zhumu applies it as "set to", so the transport may repeat it after an ambiguous failure.
        fields: { enterprise_id: accountId, seats: change.seats, plan: change.plan },
        idempotent: true,
      };
      const { data } = await callParsed(context, call, zhumuLicenceSchema);
      if (data.enterprise_id !== accountId) {
        throw contradiction(call, 'enterprise_id', `asked for ${accountId}, got ${data.enterprise_id}`);
      }
      context.logger.info('zhumu: licence updated', {
        accountId,
        seats: data.seats,
        plan: data.plan,
        commitment: commitmentOf(data.plan),
      });
      return toLicenceState(accountId, data);
    },
  };
}
