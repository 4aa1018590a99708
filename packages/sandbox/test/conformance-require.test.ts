import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// `require('@channelkit/sandbox/conformance')` loads this file in the published package (the build puts it in place
// of a CommonJS bundle, and `pnpm check:packages` requires the packed entry to prove it).
const refusal = fileURLToPath(new URL('../src/conformance/require.cjs', import.meta.url));

describe('the conformance entry under require()', () => {
  it('refuses with ERR_REQUIRE_ESM and a message that says to import it from a vitest test file', () => {
    let thrown: unknown;
    try {
      createRequire(import.meta.url)(refusal);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(Error);
    expect(thrown).toMatchObject({ code: 'ERR_REQUIRE_ESM' });
    expect((thrown as Error).message).toBe(
      '@channelkit/sandbox/conformance cannot be loaded with require(): it registers vitest tests, and vitest runs ' +
        'test files as ES modules only. Import it from a test file that vitest runs: ' +
        "import { describeAdapterConformance } from '@channelkit/sandbox/conformance';",
    );
  });
});
