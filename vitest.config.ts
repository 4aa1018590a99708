import { defineConfig } from 'vitest/config';

// Every package (and every example with tests) is a vitest project; workspace packages resolve to their TypeScript sources through the
// `@channelkit/source` export condition, so tests never need a build first.
export default defineConfig({
  test: {
    projects: [
      'packages/*/vitest.config.ts',
      'packages/adapters/*/vitest.config.ts',
      'examples/*/vitest.config.ts',
      'test/vitest.config.ts',
      'scripts/vitest.config.ts',
    ],
  },
});
