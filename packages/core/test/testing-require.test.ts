import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// `require('@channelkit/core/testing')` loads this file in the published package (the build puts it in place of a
// CommonJS bundle, and `pnpm check:packages` requires the packed entry to prove it).
const refusal = fileURLToPath(new URL('../src/testing/require.cjs', import.meta.url));

describe('the store contract entry under require()', () => {
  it('refuses with ERR_REQUIRE_ESM and a message that says to import it from a vitest test file', () => {
    let thrown: unknown;
    try {
      createRequire(import.meta.url)(refusal);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(Error);
    expect(thrown).toMatchObject({ code: 'ERR_REQUIRE_ESM' });
    expect((thrown as Error).message).toContain(
      "import { describeSyncStateStoreContract } from '@channelkit/core/testing'",
    );
    expect((thrown as Error).message).toMatch(
      /^@channelkit\/core\/testing cannot be loaded with require\(\)/,
    );
  });
});
