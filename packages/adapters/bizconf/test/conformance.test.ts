import { bizconf } from '@channelkit/bizconf';
import { bizconfConformanceProfile, describeAdapterConformance } from '@channelkit/sandbox/conformance';

describeAdapterConformance({
  name: 'bizconf',
  platform: bizconfConformanceProfile,
  over: 'msw',
  connect: (connection) => bizconf(connection),
});

describeAdapterConformance({
  name: 'bizconf',
  platform: bizconfConformanceProfile,
  over: 'http',
  connect: (connection) => bizconf(connection),
});
