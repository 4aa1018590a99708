import { copyFile, rm } from 'node:fs/promises';
import { defineConfig } from 'tsup';

export default defineConfig({
  entry: { index: 'src/index.ts', 'testing/index': 'src/testing/index.ts' },
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'node20',
  // The store contract suites run only inside vitest, which cannot be require()d: their CommonJS entry is a file
  // that refuses require() with a clear error (src/testing/require.cjs), not a bundle that could never run.
  async onSuccess() {
    await copyFile('src/testing/require.cjs', 'dist/testing/index.cjs');
    await rm('dist/testing/index.cjs.map', { force: true });
  },
});
