// Copied into a fresh npm application by `pnpm check:packages` and run there with the oldest vitest the
// sandbox's peer range accepts: the packed conformance suite against the packed Zoom adapter, in process (msw)
// and over real HTTP on loopback; and the packed state store contract suites against core's own stores.

import { createFileStateStore, createMemoryStateStore } from '@channelkit/core';
import { describeIdempotencyStoreContract, describeSyncStateStoreContract } from '@channelkit/core/testing';
import { describeAdapterConformance, zoomConformanceProfile } from '@channelkit/sandbox/conformance';
import { zoom } from '@channelkit/zoom';

describeAdapterConformance({ name: 'zoom', platform: zoomConformanceProfile, over: 'msw', connect: zoom });
describeAdapterConformance({ name: 'zoom', platform: zoomConformanceProfile, over: 'http', connect: zoom });

// The state store contract suites, as a store written outside channelkit (Redis, PostgreSQL...) runs them.

function clock() {
  let now = 1_750_000_000_000;
  return {
    now: () => now,
    advance: (ms: number) => {
      now += ms;
    },
  };
}

describeSyncStateStoreContract('memory (packed)', () => {
  const time = clock();
  return { store: createMemoryStateStore({ now: time.now }), advance: time.advance };
});

async function fileStore() {
  const time = clock();
  // In the application's folder, which is temporary (the application has no Node.js types to find another).
  const path = `state-${Date.now()}-${Math.random().toString(36).slice(2)}.journal`;
  let store = await createFileStateStore(path, { now: time.now, lockStaleMs: 2_000 });
  return {
    get store() {
      return store;
    },
    advance: time.advance,
    reopen: async () => {
      await store.close();
      store = await createFileStateStore(path, { now: time.now, lockStaleMs: 2_000 });
      return store;
    },
  };
}
describeSyncStateStoreContract('journal file (packed)', fileStore, { durable: true });
describeIdempotencyStoreContract('journal file (packed)', fileStore, { durable: true });
