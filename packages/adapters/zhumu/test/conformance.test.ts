import { describeAdapterConformance, zhumuConformanceProfile } from '@channelkit/sandbox/conformance';
import { zhumu } from '@channelkit/zhumu';

describeAdapterConformance({
  name: 'zhumu',
  platform: zhumuConformanceProfile,
  over: 'msw',
  connect: (connection) => zhumu(connection),
});

describeAdapterConformance({
  name: 'zhumu',
  platform: zhumuConformanceProfile,
  over: 'http',
  connect: (connection) => zhumu(connection),
});
