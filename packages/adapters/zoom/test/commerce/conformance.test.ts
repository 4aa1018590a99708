import { describeAdapterConformance, zoomCommerceConformanceProfile } from '@channelkit/sandbox/conformance';
import { zoomCommerce } from '@channelkit/zoom';

// The Partner Commerce mode through the same suite as the Master Account mode, in process with msw.
describeAdapterConformance({
  name: 'zoom commerce',
  platform: zoomCommerceConformanceProfile,
  over: 'msw',
  connect: (connection) => zoomCommerce(connection),
});
