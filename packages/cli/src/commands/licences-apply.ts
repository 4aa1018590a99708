import {
  type LicenceActionOutcome,
  type LicenceApplyReport,
  type LicencePlan,
  ValidationError,
  verifyLicencePlan,
} from '@channelkit/core';
import { EXIT_CODES } from '../exit-codes';
import { parseJsonText, readInputFile } from '../input/read-input-file';
import { InputError } from '../internal/cli-errors';
import type { CommandContext } from '../internal/command-context';
import { interruptSignal } from '../internal/interrupt';
import { checkQueueUrl, loadBullmq } from '../internal/queue-connection';
import { formatDuration, plural, shortHash } from '../output/format';
import { createProgress } from '../output/progress';
import { renderTable } from '../output/table';

/** Options of `channelkit licences apply`. */
export interface LicencesApplyOptions {
  readonly concurrency?: number | undefined;
  readonly state?: string | undefined;
  readonly progress: boolean;
  /** A `redis://` or `postgres://` URL: enqueue the plan for `channelkit worker` processes instead of applying here. */
  readonly queue?: string | undefined;
  /** With `queue`: `false` (`--no-wait`) enqueues and returns without following the queue. @default true */
  readonly wait?: boolean | undefined;
}

/**
 * Reads and verifies a plan file: an unreadable file, JSON that is not a plan, or a plan changed after it was made
 * (its hash) is refused with the file and the field named, before any request.
 */
export async function readPlanFile(file: string, cwd: string): Promise<LicencePlan> {
  const value = parseJsonText(await readInputFile(file, cwd), file);
  try {
    return verifyLicencePlan(value);
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    const issues = error.issues.length > 0 ? error.issues : [{ path: '', message: error.message }];
    throw new InputError(
      issues.map((issue) => ({
        file,
        column: issue.path === '' ? undefined : issue.path,
        message:
          issue.path === 'hash'
            ? 'does not match the plan’s content: the plan was changed after it was made. Make a new plan with channelkit licences plan instead of editing one'
            : issue.message,
      })),
    );
  }
}

/**
 * `channelkit licences apply <plan.json>`: applies a plan across its platforms, recording every settled action in the
 * state file, so that running it again repeats nothing and finishes the rest (also after Ctrl-C or a crash). Shows
 * progress on stderr and the outcome of every action that did something or needs attention. Exit 0 when complete,
 * 3 when accounts changed since the plan (stale), 4 when actions failed or were not done, 130 when interrupted.
 */
export async function licencesApply(
  context: CommandContext,
  file: string,
  options: LicencesApplyOptions,
): Promise<number> {
  const { output } = context;
  const queueUrl = options.queue === undefined ? undefined : checkQueueUrl(options.queue, output);
  const plan = await readPlanFile(file, context.cwd);
  if (queueUrl !== undefined) return applyThroughQueue(context, file, plan, queueUrl, options);
  const chosen = plan.platforms.map((platform) => context.platforms.require(platform.partner));
  const hub = context.hub(chosen);
  const store = await context.openState(options.state);
  const progress = createProgress(output.progressStream, 'apply', { enabled: options.progress });
  const interrupt = interruptSignal();
  let report: LicenceApplyReport;
  try {
    const concurrency = context.concurrency(options.concurrency);
    report = await hub.licences.apply(plan, {
      store,
      signal: interrupt.signal,
      ...(concurrency === undefined ? {} : { concurrency }),
      onProgress: (figures) =>
        progress.update({
          done: figures.done,
          total: figures.total,
          ratePerSecond: figures.ratePerSecond,
          etaMs: figures.etaMs,
          note: figures.failed > 0 ? `failed ${figures.failed}` : undefined,
        }),
    });
  } finally {
    progress.finish();
    interrupt.dispose();
    await store.close();
  }

  if (output.json) output.outJson(report);
  else output.out(describeReport(report, file, chosen.length > 1));
  return exitCodeOf(report);
}

/**
 * `licences apply --queue <url>`: enqueues the plan (one job per action that needs a write) and follows the queue
 * with the same progress, report and exit code as an apply in this process; the workers do the writes. Ctrl-C stops
 * following, not the jobs (exit 130).
 */
async function applyThroughQueue(
  context: CommandContext,
  file: string,
  plan: LicencePlan,
  url: string,
  options: LicencesApplyOptions,
): Promise<number> {
  const { output } = context;
  const { createChannelQueue } = await loadBullmq();
  const queue = createChannelQueue({ connection: url });
  let report: LicenceApplyReport;
  let interrupted = false;
  try {
    const enqueued = await queue.enqueueApply(plan);
    if (options.wait === false) {
      if (output.json) output.outJson(enqueued);
      else {
        output.out(
          `Enqueued plan ${enqueued.planHash}: ${plural(enqueued.jobs, 'action')} for the workers` +
            `${enqueued.alreadyEnqueued ? ' (enqueued before: nothing added twice)' : ''}.\n`,
        );
      }
      return EXIT_CODES.ok;
    }
    const progress = createProgress(output.progressStream, 'apply', { enabled: options.progress });
    const interrupt = interruptSignal();
    try {
      report = await queue.waitForApply(enqueued.planHash, {
        signal: interrupt.signal,
        onReport: (current) =>
          progress.update({
            done: current.outcomes.length - current.totals.notDone,
            total: current.outcomes.length,
            note: current.totals.failed > 0 ? `failed ${current.totals.failed}` : undefined,
          }),
      });
      interrupted = interrupt.signal.aborted;
    } finally {
      progress.finish();
      interrupt.dispose();
    }
  } finally {
    await queue.close();
  }

  if (output.json) output.outJson(report);
  else output.out(describeReport(report, file, plan.platforms.length > 1));
  if (interrupted) {
    output.err('Stopped following the queue; the workers go on. Run the same command again to follow it.\n');
    return EXIT_CODES.interrupted;
  }
  return exitCodeOf(report);
}

/** 0 when complete; 130 interrupted; 4 when actions failed or were not done; 3 when accounts changed (stale). */
function exitCodeOf(report: LicenceApplyReport): number {
  const { totals } = report;
  if (report.aborted) return EXIT_CODES.interrupted;
  if (totals.failed > 0 || totals.notDone > 0) return EXIT_CODES.partial;
  if (totals.stale > 0) return EXIT_CODES.attention;
  return EXIT_CODES.ok;
}

function statusOf(outcome: LicenceActionOutcome): string {
  return outcome.resumed ? `${outcome.status} (earlier run)` : outcome.status;
}

/** The report for people: each action that did something or needs attention, the counts, and what to do next. */
function describeReport(report: LicenceApplyReport, file: string, manyPartners: boolean): string {
  const shown = report.outcomes.filter((outcome) => outcome.status !== 'noop');
  const parts: string[] = [];
  if (shown.length > 0) {
    parts.push(
      renderTable<LicenceActionOutcome>(
        [
          { header: 'row', cell: (outcome) => String(outcome.row), align: 'right' },
          ...(manyPartners
            ? [{ header: 'partner', cell: (outcome: LicenceActionOutcome) => outcome.partner }]
            : []),
          { header: 'account', cell: (outcome) => outcome.accountId },
          { header: 'action', cell: (outcome) => outcome.kind },
          { header: 'status', cell: statusOf },
          {
            header: 'seats',
            cell: (outcome) => (outcome.current === undefined ? '' : String(outcome.current.seats.purchased)),
            align: 'right',
          },
          { header: 'reason', cell: (outcome) => outcome.error?.message ?? outcome.reason },
        ],
        shown,
      ),
    );
  }
  const { totals } = report;
  const lines = [
    `Plan ${shortHash(report.planHash)}: ${totals.applied} applied, ${totals.alreadyApplied} already applied, ` +
      `${totals.noop} unchanged, ${totals.stale} stale, ${totals.failed} failed, ${totals.notDone} not done ` +
      `(${formatDuration(report.durationMs)}).`,
  ];
  if (report.stoppedBy !== undefined) lines.push(`Stopped: ${report.stoppedBy}.`);
  if (totals.failed > 0 || totals.notDone > 0) {
    lines.push(
      `Run the same command again to finish the ${plural(totals.failed + totals.notDone, 'action')} left: channelkit licences apply ${file}`,
    );
  }
  if (totals.stale > 0) {
    lines.push(
      `${plural(totals.stale, 'account')} changed since the plan was made and ${totals.stale === 1 ? 'was' : 'were'} left alone: make a new plan for ${totals.stale === 1 ? 'it' : 'them'}.`,
    );
  }
  parts.push(`${lines.join('\n')}\n`);
  return parts.join('\n');
}
