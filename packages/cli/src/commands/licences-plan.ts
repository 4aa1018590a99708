import { rename, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { AbortError, type LicenceAction, type LicencePlan, type LicenceViolation } from '@channelkit/core';
import { EXIT_CODES } from '../exit-codes';
import { type DesiredRow, readDesiredFile } from '../input/desired-file';
import type { CommandContext } from '../internal/command-context';
import { interruptSignal } from '../internal/interrupt';
import { plural, shortHash } from '../output/format';
import { createProgress } from '../output/progress';
import { type Column, renderTable } from '../output/table';

/** Options of `channelkit licences plan`. */
export interface LicencesPlanOptions {
  readonly desired: string;
  readonly out?: string | undefined;
  readonly partner?: string | undefined;
  readonly concurrency?: number | undefined;
  readonly progress: boolean;
}

/** `10 → 25`, or `25` when unchanged. */
export function change(before: number | string | undefined, after: number | string): string {
  return before === undefined || before === after ? String(after) : `${before} → ${after}`;
}

/**
 * `channelkit licences plan --desired <file>`: checks the desired list whole (refusing it before any request),
 * reads every account with the platforms' rate limits, and shows the plan: its actions and violations, as tables or
 * as the plan's JSON. `--out` saves the plan (atomically) for `licences apply`. Exit 3 when rows break a rule.
 */
export async function licencesPlan(context: CommandContext, options: LicencesPlanOptions): Promise<number> {
  const { platforms, output } = context;
  const only = options.partner === undefined ? undefined : platforms.require(options.partner).partner;
  const rows = await readDesiredFile(options.desired, context.cwd, {
    defaultPartner:
      only ?? (platforms.configured.length === 1 ? platforms.configured[0]?.partner : undefined),
    onlyPartner: only,
    partnerProblem: (partner) => platforms.problemWith(partner),
  });
  const chosen = platforms.configured.filter((platform) =>
    rows.some((row) => row.partner === platform.partner),
  );
  const hub = context.hub(chosen);
  const progress = createProgress(output.progressStream, 'plan', { enabled: options.progress });
  const interrupt = interruptSignal();
  let plan: LicencePlan;
  try {
    const concurrency = context.concurrency(options.concurrency);
    plan = await hub.licences.plan(
      rows.map(({ partner, accountId, seats, plan: code }) => ({
        partner,
        accountId,
        seats,
        ...(code === undefined ? {} : { plan: code }),
      })),
      {
        signal: interrupt.signal,
        ...(concurrency === undefined ? {} : { concurrency }),
        onProgress: ({ done }) => progress.update({ done, total: rows.length }),
      },
    );
  } catch (error) {
    if (error instanceof AbortError && interrupt.signal.aborted) {
      output.err('\nchannelkit: planning stopped; nothing was changed.\n');
      return EXIT_CODES.interrupted;
    }
    throw error;
  } finally {
    progress.finish();
    interrupt.dispose();
  }

  if (options.out !== undefined) {
    // Written aside and renamed over the target, so an interrupted write never leaves half a plan to apply.
    const target = resolve(context.cwd, options.out);
    const temporary = `${target}.${process.pid}.tmp`;
    await writeFile(temporary, `${JSON.stringify(plan, null, 2)}\n`);
    await rename(temporary, target);
  }
  if (output.json) output.outJson(plan);
  else output.out(describePlan(plan, rows, chosen.length > 1));
  if (options.out !== undefined) {
    output.err(`Saved the plan to ${options.out}. Apply it with: channelkit licences apply ${options.out}\n`);
  }
  return plan.violations.length > 0 ? EXIT_CODES.attention : EXIT_CODES.ok;
}

/** The plan for people: the changes, the violations, and the counts. */
function describePlan(plan: LicencePlan, rows: readonly DesiredRow[], manyPartners: boolean): string {
  const names = new Map(rows.map((row) => [row.row, row.name]));
  const withNames = rows.some((row) => row.name !== undefined);
  const common = <Item extends LicenceAction | LicenceViolation>(): Column<Item>[] => [
    { header: 'row', cell: (item) => String(item.row), align: 'right' },
    ...(manyPartners ? [{ header: 'partner', cell: (item: Item) => item.partner }] : []),
    { header: 'account', cell: (item) => item.accountId },
    ...(withNames ? [{ header: 'name', cell: (item: Item) => names.get(item.row) ?? '' }] : []),
  ];
  const parts: string[] = [];
  const changes = plan.actions.filter((action) => action.kind !== 'noop');
  if (changes.length > 0) {
    parts.push(
      renderTable<LicenceAction>(
        [
          ...common<LicenceAction>(),
          { header: 'action', cell: (action) => action.kind },
          { header: 'plan', cell: (action) => change(action.before.plan, action.after.plan) },
          { header: 'seats', cell: (action) => change(action.before.seats.purchased, action.after.seats) },
          {
            header: 'assigned',
            cell: (action) =>
              action.before.seats.assigned === undefined ? '' : String(action.before.seats.assigned),
            align: 'right',
          },
        ],
        changes,
      ),
    );
  }
  if (plan.violations.length > 0) {
    parts.push(
      `Refused rows (not in the plan; fix them in the desired list or on the platform):\n${renderTable<LicenceViolation>(
        [
          ...common<LicenceViolation>(),
          { header: 'rule', cell: (violation) => violation.rule },
          {
            header: 'seats',
            cell: (violation) => change(violation.before?.seats.purchased, violation.after.seats),
          },
          { header: 'reason', cell: (violation) => violation.reason },
        ],
        plan.violations,
      )}`,
    );
  }
  const { summary } = plan;
  parts.push(
    `Plan ${shortHash(plan.hash)} (${plural(summary.rows, 'row')}): ${summary.increase} to increase (+${summary.seatsAdded} seats), ` +
      `${summary.decrease} to decrease (-${summary.seatsRemoved} seats), ${summary.changePlan} to change plan, ` +
      `${summary.noop} unchanged, ${plural(summary.violations, 'violation')}.\n`,
  );
  return parts.join('\n');
}
