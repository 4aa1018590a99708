import { channelkitProject } from '../../vitest.shared.ts';

const project = channelkitProject('example-distributed-apply', {
  testTimeout: 180_000,
  hookTimeout: 120_000,
});

// vitest hands the SSR conditions to Node as --conditions; with `import` among them, node-postgres (CommonJS)
// would require the ESM build of its own pg-pool. Without `import`/`module`, CommonJS packages load themselves.
if (project.ssr?.resolve) project.ssr.resolve.conditions = ['@channelkit/source', 'node', 'default'];

export default project;
