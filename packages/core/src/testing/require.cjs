'use strict';
// What `require('@channelkit/core/testing')` loads (the build puts this file in place of a CommonJS bundle of the
// contract suites). The suites register vitest tests, and vitest cannot be loaded with require(), so a CommonJS
// build of them could never run. Test files that vitest runs are ES modules whatever the project's "type", so
// `import` works in every project that can run them; the CommonJS type declarations stay for test files that
// TypeScript reads as CommonJS. `code` is the one Node gives a require() of an ES module.
throw Object.assign(
  new Error(
    '@channelkit/core/testing cannot be loaded with require(): it registers vitest tests, and vitest runs test ' +
      'files as ES modules only. Import it from a test file that vitest runs: ' +
      "import { describeSyncStateStoreContract } from '@channelkit/core/testing';",
  ),
  { code: 'ERR_REQUIRE_ESM' },
);
