import { channelkitProject } from '../../vitest.shared.ts';

/** The tests of this project, left out of the package's main project. */
export const DISTRIBUTED_TESTS = ['test/distributed-apply.test.ts'];

// The 2,000-account runs assert that the sandbox's rate limiter answered under 1% of the requests with a 429. They
// run after every other test of the workspace (a later group order), so that they measure the queue's pacing rather
// than a machine saturated by the rest of the suite: a sandbox process starved of CPU for a second sees the requests
// that waited for it arrive together, and its limiter refuses them.
const project = channelkitProject('@channelkit/bullmq (distributed)', {
  include: DISTRIBUTED_TESTS,
  testTimeout: 600_000,
  hookTimeout: 120_000,
  sequence: { groupOrder: 1 },
});

// As in vitest.config.ts: node-postgres must load as CommonJS.
if (project.ssr?.resolve) project.ssr.resolve.conditions = ['@channelkit/source', 'node', 'default'];

export default project;
