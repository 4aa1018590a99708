import { channelkitProject } from '../vitest.shared.ts';

// The repository's own tooling: code-block extraction for the typecheck, and the site's generated pages.
export default channelkitProject('scripts');
