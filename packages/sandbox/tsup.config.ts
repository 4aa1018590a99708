import { copyFile, rm } from 'node:fs/promises';
import { defineConfig } from 'tsup';

export default defineConfig({
  entry: { index: 'src/index.ts', 'conformance/index': 'src/conformance/index.ts', cli: 'src/cli.ts' },
  format: ['esm', 'cjs'],
  // The command line (`bin`) has no types to publish.
  dts: { entry: { index: 'src/index.ts', 'conformance/index': 'src/conformance/index.ts' } },
  sourcemap: true,
  clean: true,
  target: 'node20',
  // The conformance suite runs only inside vitest, which cannot be require()d: its CommonJS entry is a file that
  // refuses require() with a clear error (src/conformance/require.cjs), not a bundle that could never run. Its
  // CommonJS type declarations (conformance/index.d.cts) stay, for test files TypeScript reads as CommonJS.
  async onSuccess() {
    await copyFile('src/conformance/require.cjs', 'dist/conformance/index.cjs');
    await rm('dist/conformance/index.cjs.map', { force: true });
  },
});
