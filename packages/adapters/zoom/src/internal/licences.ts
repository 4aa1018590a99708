import type { LicencesPort, OperationContext } from '@channelkit/core';
import type { LicenceState } from '@channelkit/types';
import { invalidField, noBasePlan } from './errors';
import { toLicenceState } from './mapping';
import { accountPath, exchange, exchangeParsed, siteOf, type ZoomScope } from './request';
import { zoomPlansSchema, zoomPlanUsageSchema } from './wire-schemas';

function readPlans(accountId: string, operation: string, context: OperationContext) {
  return exchangeParsed(
    context,
    'medium',
    { operation, method: 'GET', path: accountPath(accountId, '/plans') },
    zoomPlansSchema,
  );
}

function readUsage(accountId: string, operation: string, context: OperationContext) {
  return exchangeParsed(
    context,
    'heavy',
    { operation, method: 'GET', path: accountPath(accountId, '/plans/usage') },
    zoomPlanUsageSchema,
  );
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/** The licences port over Zoom's Billing API (master-paid sub-accounts only). */
export function zoomLicences(scope: ZoomScope): LicencesPort {
  async function get(accountId: string, context: OperationContext): Promise<LicenceState> {
    const [plans, usage] = await Promise.all([
      readPlans(accountId, 'licences.get', context),
      readUsage(accountId, 'licences.get', context),
    ]);
    const plan = plans.data.plan_base;
    if (!plan) throw noBasePlan(accountId, siteOf(scope, 'GET', accountPath(accountId, '/plans'), plans));
    return toLicenceState(accountId, plan, usage.data.plan_base);
  }

  return {
    get,
    set: async (accountId, change, context) => {
      // A fresh read: Zoom refuses fewer licences than licensed users, and so does this, before any write.
      const read = await readUsage(accountId, 'licences.set', context);
      const usage = read.data.plan_base;
      if (!usage) {
        throw noBasePlan(accountId, siteOf(scope, 'GET', accountPath(accountId, '/plans/usage'), read));
      }
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
      // From here on the change is made: nothing may turn it into a reported failure. Term and status may move with
      // a plan change, so they are read back; if that read fails, what the PUT established (type and seats, with the
      // usage read just before, which a PUT does not change) is a complete licence state without them.
      const established = { type, hosts: change.seats };
      try {
        const plans = await readPlans(accountId, 'licences.set', context);
        return toLicenceState(accountId, plans.data.plan_base ?? established, usage);
      } catch (error) {
        context.logger.warn(
          'zoom: base plan updated, but reading it back failed; returning what the update set',
          {
            accountId,
            error: describe(error),
          },
        );
        return toLicenceState(accountId, established, usage);
      }
    },
  };
}
