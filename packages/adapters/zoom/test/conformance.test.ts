import { describeAdapterConformance, zoomConformanceProfile } from '@channelkit/sandbox/conformance';
import { zoom } from '@channelkit/zoom';

describeAdapterConformance({
  name: 'zoom',
  platform: zoomConformanceProfile,
  over: 'msw',
  connect: (connection) => zoom(connection),
});
