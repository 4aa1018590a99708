import type { LicencesPort, OperationContext } from '@channelkit/core';
import type { LicenceState } from '@channelkit/types';
import { invalidField, noBasePlan } from './errors';
import { toLicenceState } from './mapping';
import { accountPath, send } from './request';
import type { ZoomPlans, ZoomPlanUsage } from './wire-types';

function readPlans(accountId: string, context: OperationContext): Promise<ZoomPlans> {
  return send<ZoomPlans>(context, 'medium', { method: 'GET', path: accountPath(accountId, '/plans') });
}

function readUsage(accountId: string, context: OperationContext): Promise<ZoomPlanUsage> {
  return send<ZoomPlanUsage>(context, 'heavy', {
    method: 'GET',
    path: accountPath(accountId, '/plans/usage'),
  });
}

async function getLicences(accountId: string, context: OperationContext): Promise<LicenceState> {
  const [plans, usage] = await Promise.all([readPlans(accountId, context), readUsage(accountId, context)]);
  if (!plans.plan_base) throw noBasePlan(accountId);
  return toLicenceState(accountId, plans.plan_base, usage.plan_base);
}

/** The licences port over Zoom's Billing API (master-paid sub-accounts only). */
export const zoomLicences: LicencesPort = {
  get: getLicences,
  set: async (accountId, change, context) => {
    // A fresh read: Zoom refuses fewer licences than licensed users, and so does this, before sending anything.
    const usage = (await readUsage(accountId, context)).plan_base;
    if (!usage) throw noBasePlan(accountId);
    const assigned = usage.usage ?? 0;
    if (change.seats < assigned) {
      throw invalidField(
        'seats',
        `Cannot set ${change.seats} seats: ${assigned} users of Zoom account ${accountId} hold a licence. ` +
          `Unassign at least ${assigned - change.seats} licences first, or ask for ${assigned} seats or more.`,
      );
    }
    const type = change.plan ?? usage.type;
    await send(context, 'heavy', {
      method: 'PUT',
      path: accountPath(accountId, '/plans/base'),
      body: { type, hosts: change.seats },
    });
    context.logger.info('zoom: base plan updated', { accountId, seats: change.seats, plan: type });
    // The term and status may move with a plan change, so they are read back; usage is unchanged by the PUT.
    const plans = await readPlans(accountId, context);
    return toLicenceState(accountId, plans.plan_base ?? { type, hosts: change.seats }, usage);
  },
};
