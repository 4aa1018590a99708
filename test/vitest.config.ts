import { configDefaults } from 'vitest/config';
import { channelkitProject } from '../vitest.shared.ts';

// End-to-end tests: real HTTP between the SDK and the sandbox server on loopback. The browser test of the
// documentation site (site/) runs on its own, after the site is built: `pnpm run test:site`.
export default channelkitProject('e2e', {
  include: ['**/*.test.ts'],
  exclude: [...configDefaults.exclude, 'site/**'],
  testTimeout: 60_000,
});
