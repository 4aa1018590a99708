import { EXIT_CODES } from '../exit-codes';
import { UsageError } from '../internal/cli-errors';
import type { CommandContext } from '../internal/command-context';
import { checkQueueUrl, loadBullmq } from '../internal/queue-connection';
import { plural } from '../output/format';

/** Options of `channelkit worker`. */
export interface WorkerOptions {
  /** A `redis://` or `postgres://` URL: the same as the producer's `--queue`. */
  readonly queue: string;
  /** Jobs run at once, per platform's queue. */
  readonly concurrency?: number | undefined;
}

/**
 * `channelkit worker --queue <url>`: runs the licence actions and provisionings enqueued for the configured
 * platforms (`licences apply --queue`), under each master account's shared rate limit, until SIGTERM or Ctrl-C; then
 * lets running jobs finish (or releases them to another worker) and exits 0. One line on stderr when it starts and
 * one when it stops.
 */
export async function worker(context: CommandContext, options: WorkerOptions): Promise<number> {
  const { output } = context;
  const url = checkQueueUrl(options.queue, output);
  const configured = context.platforms.configured;
  if (configured.length === 0) {
    throw new UsageError(
      'No platform is configured, so the worker would have no queue to take jobs from: configure one (see --help).',
    );
  }
  const adapters = Object.fromEntries(
    configured.map((platform) => [platform.partner, context.platforms.adapter(platform)]),
  );
  const concurrency = context.concurrency(options.concurrency);
  const { runWorker } = await loadBullmq();
  const running = await runWorker({
    connection: url,
    adapters,
    clientOptions: context.clientOptions,
    ...(concurrency === undefined ? {} : { concurrency }),
    // SIGTERM and SIGINT: running jobs finish (or are released for another worker), then the connections close.
    handleSignals: true,
  });
  output.err(
    `worker: started on ${plural(running.queues.length, 'queue')} (${running.queues.join(', ')}); SIGTERM or Ctrl-C stops it.\n`,
  );
  await running.closed;
  output.err('worker: stopped.\n');
  return EXIT_CODES.ok;
}
