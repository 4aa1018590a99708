import { createMemoryStateStore } from '@channelkit/core';
import { describeIdempotencyStoreContract, describeSyncStateStoreContract } from '@channelkit/core/testing';
import { controlledClock } from './helpers';

describeSyncStateStoreContract('in memory', () => {
  const clock = controlledClock();
  return { store: createMemoryStateStore({ now: clock.now }), advance: clock.advance };
});

describeIdempotencyStoreContract('in-memory state store', () => {
  const clock = controlledClock();
  return { store: createMemoryStateStore({ now: clock.now }), advance: clock.advance };
});
