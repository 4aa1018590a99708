import { channelkitProject } from '../../vitest.shared';

export default channelkitProject('@channelkit/sandbox');
