import { channelkitProject } from '../../vitest.shared.ts';

// The tests drive the built `channelkit` binary, as users run it: the global setup builds it (and the packages it
// loads) first when a source is newer than the build.
export default channelkitProject('@channelkit/cli', {
  globalSetup: ['test/build-once.ts'],
  testTimeout: 60_000,
});
