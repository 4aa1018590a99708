import { fileURLToPath } from 'node:url';
import { channelkitProject } from '../../vitest.shared.ts';

// The browser test of the built site; run by `pnpm run test:site` after `pnpm run docs`, not by `pnpm test:unit`.
export default channelkitProject('site', {
  root: fileURLToPath(new URL('.', import.meta.url)),
  include: ['*.test.ts'],
  testTimeout: 60_000,
  // Opening every page of the site in Chromium takes about a minute on an idle machine and well over two on a busy
  // shared one: a guard against a hang, not a performance claim.
  hookTimeout: 600_000,
  reporters: ['verbose'],
});
