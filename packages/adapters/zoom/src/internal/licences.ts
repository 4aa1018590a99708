import type { LicencesPort, OperationContext, TransportResponse } from '@channelkit/core';
import type { LicenceState } from '@channelkit/types';
import { invalidField, noBasePlan } from './errors';
import { toLicenceState } from './mapping';
import { accountPath, exchange, siteOf, type ZoomScope } from './request';
import type { ZoomPlans, ZoomPlanUsage } from './wire-types';

function readPlans(accountId: string, context: OperationContext): Promise<TransportResponse<ZoomPlans>> {
  return exchange<ZoomPlans>(context, 'medium', { method: 'GET', path: accountPath(accountId, '/plans') });
}

function readUsage(accountId: string, context: OperationContext): Promise<TransportResponse<ZoomPlanUsage>> {
  return exchange<ZoomPlanUsage>(context, 'heavy', {
    method: 'GET',
    path: accountPath(accountId, '/plans/usage'),
  });
}

/** The licences port over Zoom's Billing API (master-paid sub-accounts only). */
export function zoomLicences(scope: ZoomScope): LicencesPort {
  async function get(accountId: string, context: OperationContext): Promise<LicenceState> {
    const [plans, usage] = await Promise.all([readPlans(accountId, context), readUsage(accountId, context)]);
    const plan = plans.data.plan_base;
    if (!plan) throw noBasePlan(accountId, siteOf(scope, 'GET', accountPath(accountId, '/plans'), plans));
    return toLicenceState(accountId, plan, usage.data.plan_base);
  }

  return {
    get,
    set: async (accountId, change, context) => {
      // A fresh read: Zoom refuses fewer licences than licensed users, and so does this, before sending anything.
      const read = await readUsage(accountId, context);
      const usage = read.data.plan_base;
      if (!usage)
        throw noBasePlan(accountId, siteOf(scope, 'GET', accountPath(accountId, '/plans/usage'), read));
      const assigned = usage.usage ?? 0;
      if (change.seats < assigned) {
        throw invalidField(
          'seats',
          `Cannot set ${change.seats} seats: ${assigned} users of Zoom account ${accountId} hold a licence. ` +
            `Unassign at least ${assigned - change.seats} licences first, or ask for ${assigned} seats or more.`,
        );
      }
      const type = change.plan ?? usage.type;
      await exchange(context, 'heavy', {
        method: 'PUT',
        path: accountPath(accountId, '/plans/base'),
        body: { type, hosts: change.seats },
      });
      context.logger.info('zoom: base plan updated', { accountId, seats: change.seats, plan: type });
      // Term and status may move with a plan change, so they are read back; the PUT leaves usage as it was.
      const plans = await readPlans(accountId, context);
      return toLicenceState(accountId, plans.data.plan_base ?? { type, hosts: change.seats }, usage);
    },
  };
}
