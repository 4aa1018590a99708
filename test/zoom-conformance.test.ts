import { describeAdapterConformance, zoomConformanceProfile } from '@channelkit/sandbox/conformance';
import { zoom } from '@channelkit/zoom';

// The same suite as packages/adapters/zoom, end to end: real sockets between axios and the sandbox server.
describeAdapterConformance({
  name: 'zoom',
  platform: zoomConformanceProfile,
  over: 'http',
  connect: (connection) => zoom(connection),
});
