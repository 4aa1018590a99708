import { Semaphore } from './semaphore';

/**
 * Runs `task` for every item of `items` (read lazily, so a stream is never held whole), with at most `limit(lane)`
 * tasks in flight per lane and at most `buffer` items read ahead in all. Lanes keep one slow platform from holding up
 * the others: items of a lane whose tasks are all busy wait in the buffer while the other lanes go on. Stops reading
 * once `stop()` is true (items read before that still get their task, which decides what a stop means for its item);
 * resolves when every started task has finished. A task that throws stops the reading, and its error is rethrown once
 * the running tasks have finished.
 */
export async function runBounded<Item>(
  items: Iterable<Item> | AsyncIterable<Item>,
  options: {
    laneOf(item: Item): string;
    limit(lane: string): number;
    buffer: number;
    stop?(): boolean;
  },
  task: (item: Item, index: number) => Promise<void>,
): Promise<void> {
  const lanes = new Map<string, Semaphore>();
  const ahead = new Semaphore(options.buffer);
  const running = new Set<Promise<void>>();
  let failure: { error: unknown } | undefined;
  const stopped = () => failure !== undefined || (options.stop?.() ?? false);

  let index = 0;
  for await (const item of items as AsyncIterable<Item>) {
    await ahead.acquire();
    if (stopped()) {
      ahead.release();
      break;
    }
    const lane = options.laneOf(item);
    let semaphore = lanes.get(lane);
    if (semaphore === undefined) {
      semaphore = new Semaphore(Math.max(1, options.limit(lane)));
      lanes.set(lane, semaphore);
    }
    const position = index++;
    const lanePermit = semaphore;
    const run = (async () => {
      await lanePermit.acquire();
      try {
        // A task started before a stop still runs: it decides itself what a stop means for its item.
        await task(item, position);
      } catch (error) {
        failure ??= { error };
      } finally {
        lanePermit.release();
        ahead.release();
      }
    })();
    running.add(run);
    void run.finally(() => running.delete(run));
  }
  await Promise.all(running);
  if (failure) throw failure.error;
}
