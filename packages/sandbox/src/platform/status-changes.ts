/** A record a {@link statusChanges} tracker found new, or with another status than the last time it looked. */
export interface StatusChange<Item, Status extends string> {
  /** The record as it is now. */
  readonly item: Item;
  /** Its status now. */
  readonly status: Status;
  /** Its status the last time the tracker looked; for a record it had not seen, the status every record starts in. */
  readonly previous: Status;
  /** Whether the tracker sees the record for the first time. */
  readonly first: boolean;
}

/**
 * Remembers the status of each record by id and, each time it is given the records, returns those that are new or
 * whose status moved since the last look: how a platform's change watcher (run by `afterEachRequest`) finds the
 * records to notify about by webhook, as the sandbox's Bizconf and Umeet do for referrals. A record seen for the first
 * time counts as having moved from `initial`, the status every record of its kind starts in, so that one created and
 * moved on between two looks still reports the move.
 *
 * @example
 * ```ts
 * import { statusChanges } from '@channelkit/sandbox';
 *
 * const orders = statusChanges((order: { id: string; status: 'open' | 'paid' }) => order.id, (order) => order.status, 'open');
 * orders([{ id: 'o1', status: 'open' }]); // [{ item, status: 'open', previous: 'open', first: true }]
 * orders([{ id: 'o1', status: 'paid' }]); // [{ item, status: 'paid', previous: 'open', first: false }]
 * orders([{ id: 'o1', status: 'paid' }]); // []
 * ```
 */
export function statusChanges<Item, Status extends string>(
  idOf: (item: Item) => string,
  statusOf: (item: Item) => Status,
  initial: Status,
): (items: Iterable<Item>) => StatusChange<Item, Status>[] {
  const seen = new Map<string, Status>();
  return (items) => {
    const changes: StatusChange<Item, Status>[] = [];
    for (const item of items) {
      const id = idOf(item);
      const status = statusOf(item);
      const last = seen.get(id);
      seen.set(id, status);
      if (last !== status)
        changes.push({ item, status, previous: last ?? initial, first: last === undefined });
    }
    return changes;
  };
}
