// The licence sync across the four platforms: a desired list (what the billing system says each customer pays for),
// the plan as a table, the apply with progress lines, and the state it leaves.
import type { LicenceApplyProgress } from '@channelkit/core';
import type { PartnerId } from '@channelkit/types';
import type { DemoHub } from './platforms';
import { printTable } from './table';

const signed = (delta: number) => (delta > 0 ? `+${delta}` : delta < 0 ? `−${-delta}` : '0');

/** Plans and applies `desired` across the hub's platforms, printing the plan, the progress and the report. */
export async function syncLicences(
  hub: DemoHub,
  desired: { partner: PartnerId; accountId: string; seats: number; plan?: string }[],
): Promise<void> {
  const plan = await hub.licences.plan(desired);
  console.log(
    `  plan ${plan.hash.replace(/^sha256:/, '').slice(0, 12)}: ${plan.actions.length} actions, ${plan.violations.length} violation(s)`,
  );
  printTable(
    ['row', 'platform', 'account', 'action', 'plan', 'seats'],
    [
      ...plan.actions.map((action) => [
        String(action.row),
        action.partner,
        action.accountId,
        action.kind,
        action.before.plan === action.after.plan
          ? action.after.plan
          : `${action.before.plan} → ${action.after.plan}`,
        `${action.before.seats.purchased} → ${action.after.seats} (${signed(action.after.seats - action.before.seats.purchased)})`,
      ]),
      ...plan.violations.map((violation) => [
        String(violation.row),
        violation.partner,
        violation.accountId,
        `refused: ${violation.rule}`,
        violation.before?.plan ?? '',
        `${violation.before?.seats.purchased ?? '?'} → ${violation.after.seats}`,
      ]),
    ].sort((a, b) => Number(a[0]) - Number(b[0])),
  );
  for (const violation of plan.violations) console.log(`  row ${violation.row}: ${violation.reason}`);

  const progress = ({ done, total, applied, noop, failed }: LicenceApplyProgress) =>
    console.log(`  [${done}/${total}] applied ${applied}, nothing to do ${noop}, failed ${failed}`);
  const report = await hub.licences.apply(plan, { onProgress: progress });
  for (const outcome of report.outcomes) console.log(`  ${outcome.actionId}: ${outcome.status}`);
  console.log(`  complete: ${report.complete}`);
}
