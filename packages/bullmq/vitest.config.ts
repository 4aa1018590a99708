import { channelkitProject } from '../../vitest.shared.ts';

const project = channelkitProject('@channelkit/bullmq', {
  testTimeout: 60_000,
  hookTimeout: 120_000,
});

// vitest hands the SSR conditions to Node as --conditions; with `import` among them, node-postgres (CommonJS)
// would require the ESM build of its own pg-pool and fail. Source conditions without `import`/`module` resolve the
// workspace packages the same way and leave CommonJS packages to load themselves.
if (project.ssr?.resolve) project.ssr.resolve.conditions = ['@channelkit/source', 'node', 'default'];

export default project;
