// Read from the manifest at build time, so that `changeset version` is the only place a release changes it.
import { version } from '../package.json';

/** The version of @channelkit/core, sent in the default User-Agent. */
export const VERSION: string = version;
