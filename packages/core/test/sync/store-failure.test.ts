import { createMemoryStateStore, type SyncStateStore } from '@channelkit/core';
import { describe, expect, it } from 'vitest';
import { seatClient, startSeatPlatform } from './seat-platform';

describe('licences.apply with a state store that fails', () => {
  it('stops starting actions, reports the write that could not be recorded, and leaves the rest not done', async () => {
    const platform = startSeatPlatform(
      Object.fromEntries(
        Array.from({ length: 6 }, (_, n) => [
          `a-${n}`,
          { plan: 'pro', seats: 1, assigned: 0, commitment: 'monthly' as const },
        ]),
      ),
    );
    const client = seatClient();
    const plan = await client.licences.plan(
      Array.from({ length: 6 }, (_, n) => ({ accountId: `a-${n}`, seats: 2 })),
    );
    const inner = createMemoryStateStore();
    let records = 0;
    const failing: SyncStateStore = {
      ...inner,
      listOutcomes: (planHash) => inner.listOutcomes(planHash),
      recordOutcome: async (request) => {
        records += 1;
        if (records === 2) throw new Error('disk full');
        return inner.recordOutcome(request);
      },
    };
    const report = await client.licences.apply(plan, { store: failing, concurrency: 1 });
    expect(report.stoppedBy).toBe('the state store failed: disk full');
    expect(report.outcomes.map((outcome) => outcome.status)).toEqual([
      'applied',
      'applied',
      'not_done',
      'not_done',
      'not_done',
      'not_done',
    ]);
    expect(report.outcomes[1]?.reason).toMatch(/\(It could not be recorded: disk full\)$/);
    expect(platform.writes).toHaveLength(2);
  });
});
