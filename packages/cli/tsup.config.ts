import { defineConfig } from 'tsup';

export default defineConfig([
  {
    // The library entry (defineConfig and the types of a configuration file): ESM and CommonJS, with types.
    entry: { index: 'src/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    // Both builds run at once: this one empties dist/ but for the command line's files, which the other writes.
    clean: ['!cli.js', '!cli.js.map'],
    target: 'node20',
  },
  {
    // The command line (`bin`): an ES module only, as some of its dependencies are ES modules only. No types.
    entry: { cli: 'src/cli.ts' },
    format: ['esm'],
    sourcemap: true,
    clean: false,
    target: 'node20',
  },
]);
