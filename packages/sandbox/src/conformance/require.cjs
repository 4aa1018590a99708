'use strict';
// What `require('@channelkit/sandbox/conformance')` loads (the build puts this file in place of a CommonJS bundle of
// the suite). The suite registers vitest tests, and vitest cannot be loaded with require(), so a CommonJS build of
// the suite could never run. Test files that vitest runs are ES modules whatever the project's "type", so `import`
// works in every project that can run the suite; the package still publishes CommonJS type declarations for this
// entry, so a test file that TypeScript reads as CommonJS type-checks, as vitest's own do.
// `code` is the one Node gives a require() of an ES module: tools that fall back to import() on it do the right thing.
throw Object.assign(
  new Error(
    '@channelkit/sandbox/conformance cannot be loaded with require(): it registers vitest tests, and vitest runs ' +
      'test files as ES modules only. Import it from a test file that vitest runs: ' +
      "import { describeAdapterConformance } from '@channelkit/sandbox/conformance';",
  ),
  { code: 'ERR_REQUIRE_ESM' },
);
