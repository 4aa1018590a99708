import { channelkitProject } from '../../../vitest.shared.ts';

export default channelkitProject('@channelkit/zhumu');
