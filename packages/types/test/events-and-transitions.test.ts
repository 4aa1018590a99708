import {
  CHANNEL_EVENT_TYPES,
  type ChannelEvent,
  type ChannelEventOf,
  type ChannelEventType,
  canTransitionReferral,
  channelEventSchema,
  isFinalReferralStatus,
  REFERRAL_ACTIONS,
  REFERRAL_STATUSES,
  REFERRAL_TRANSITIONS,
  type ReferralStatus,
} from '@channelkit/types';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { account, licence, referral } from './fixtures';

const common = { id: 'evt_1', partner: 'zoom', occurredAt: '2025-03-31T09:30:00+08:00' } as const;

describe('channelEventSchema', () => {
  const events: ChannelEvent[] = [
    { ...common, type: 'account.provisioned', account: { ...account, status: 'provisioning' } },
    { ...common, type: 'account.activated', account },
    { ...common, type: 'account.suspended', account: { ...account, status: 'suspended' } },
    { ...common, type: 'account.closed', account: { ...account, status: 'closed' } },
    { ...common, type: 'licence.changed', accountId: 'sub_123', current: licence },
    {
      ...common,
      type: 'licence.changed',
      accountId: 'sub_123',
      previous: licence,
      current: { ...licence, seats: { purchased: 60, assigned: 12 } },
    },
    { ...common, type: 'referral.received', referral: { ...referral, direction: 'inbound' } },
    {
      ...common,
      type: 'referral.updated',
      referral: { ...referral, status: 'in_review' },
      previousStatus: 'submitted',
    },
    {
      ...common,
      type: 'sync.completed',
      planHash: `sha256:${'ab'.repeat(32)}`,
      totals: { actions: 3, applied: 1, alreadyApplied: 0, noop: 1, stale: 1, failed: 0, notDone: 0 },
      complete: true,
      aborted: false,
      durationMs: 1250,
    },
    {
      ...common,
      type: 'account.changed',
      accountId: 'sub_123',
      change: 'created',
      platformEvent: 'account.created',
    },
    {
      ...common,
      type: 'account.changed',
      accountId: 'sub_123',
      change: 'updated',
      changes: { name: '上海示例信息技术有限公司' },
      platformEvent: 'account.updated',
    },
    {
      ...common,
      type: 'referral.changed',
      referralId: 'ref_1',
      status: 'accepted',
      previousStatus: 'in_review',
      platformStatus: 'APPROVED',
      platformEvent: 'referral.status_changed',
    },
    { ...common, type: 'referral.submitted', referral },
  ];

  it.each(events.map((event) => [event.type, event] as const))('accepts %s', (_, event) => {
    expect(channelEventSchema.parse(event)).toEqual(event);
  });

  it('covers every event type', () => {
    expect(new Set(events.map((event) => event.type))).toEqual(new Set(CHANNEL_EVENT_TYPES));
    expectTypeOf<ChannelEventType>().toEqualTypeOf<(typeof CHANNEL_EVENT_TYPES)[number]>();
  });

  it('narrows by type', () => {
    expectTypeOf<ChannelEventOf<'referral.updated'>['previousStatus']>().toEqualTypeOf<
      ReferralStatus | undefined
    >();
    expectTypeOf<ChannelEventOf<'licence.changed'>>().toHaveProperty('current');
    expectTypeOf<ChannelEventOf<'account.closed'>>().not.toHaveProperty('referral');
  });

  it('refuses unknown types and events without their payload', () => {
    expect(channelEventSchema.safeParse({ ...common, type: 'account.deleted', account }).success).toBe(false);
    expect(
      channelEventSchema.safeParse({ ...common, type: 'account.activated' }).error?.issues[0]?.path,
    ).toEqual(['account']);
    expect(
      channelEventSchema.safeParse({ ...common, occurredAt: 'yesterday', type: 'account.activated', account })
        .error?.issues[0]?.path,
    ).toEqual(['occurredAt']);
  });

  it('refuses a sync.completed event whose plan hash or totals are malformed', () => {
    const event = {
      ...common,
      type: 'sync.completed',
      planHash: `sha256:${'ab'.repeat(32)}`,
      totals: { actions: 1, applied: 1, alreadyApplied: 0, noop: 0, stale: 0, failed: 0, notDone: 0 },
      complete: true,
      aborted: false,
      durationMs: 10,
    };
    expect(channelEventSchema.safeParse(event).success).toBe(true);
    expect(channelEventSchema.safeParse({ ...event, planHash: 'md5:abc' }).error?.issues[0]?.path).toEqual([
      'planHash',
    ]);
    expect(
      channelEventSchema.safeParse({ ...event, totals: { ...event.totals, failed: -1 } }).error?.issues[0]
        ?.path,
    ).toEqual(['totals', 'failed']);
  });
});

describe('referral transitions', () => {
  const allowed: [ReferralStatus, ReferralStatus][] = [
    ['draft', 'submitted'],
    ['draft', 'cancelled'],
    ['submitted', 'in_review'],
    ['submitted', 'accepted'],
    ['submitted', 'declined'],
    ['submitted', 'cancelled'],
    ['in_review', 'action_required'],
    ['in_review', 'accepted'],
    ['in_review', 'declined'],
    ['in_review', 'expired'],
    ['in_review', 'cancelled'],
    ['action_required', 'in_review'],
    ['action_required', 'submitted'],
    ['action_required', 'declined'],
    ['action_required', 'expired'],
    ['action_required', 'cancelled'],
    ['accepted', 'won'],
    ['accepted', 'lost'],
    ['accepted', 'expired'],
    ['accepted', 'cancelled'],
  ];

  it('allows exactly the listed moves', () => {
    for (const from of REFERRAL_STATUSES) {
      for (const to of REFERRAL_STATUSES) {
        const expected = allowed.some(([a, b]) => a === from && b === to);
        expect(canTransitionReferral(from, to), `${from} → ${to}`).toBe(expected);
      }
    }
    expect(Object.keys(REFERRAL_TRANSITIONS).sort()).toEqual([...REFERRAL_STATUSES].sort());
  });

  it('has no exits from terminal states and no self-transitions', () => {
    for (const terminal of ['won', 'lost', 'declined', 'expired', 'cancelled'] as const) {
      expect(REFERRAL_TRANSITIONS[terminal]).toEqual([]);
    }
    for (const status of REFERRAL_STATUSES) expect(canTransitionReferral(status, status)).toBe(false);
  });
});

describe('referral actions', () => {
  it('each lifecycle call moves to a state some other state may move to', () => {
    for (const [action, target] of Object.entries(REFERRAL_ACTIONS)) {
      const from = REFERRAL_STATUSES.filter((status) => canTransitionReferral(status, target));
      expect(from.length, action).toBeGreaterThan(0);
    }
    expect(REFERRAL_ACTIONS).toEqual({
      accept: 'accepted',
      decline: 'declined',
      markWon: 'won',
      markLost: 'lost',
      cancel: 'cancelled',
      resubmit: 'submitted',
    });
  });

  it('names the final states', () => {
    expect(REFERRAL_STATUSES.filter(isFinalReferralStatus)).toEqual([
      'won',
      'lost',
      'declined',
      'expired',
      'cancelled',
    ]);
  });
});
