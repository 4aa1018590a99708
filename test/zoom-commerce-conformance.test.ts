import { describeAdapterConformance, zoomCommerceConformanceProfile } from '@channelkit/sandbox/conformance';
import { zoomCommerce } from '@channelkit/zoom';

// The same suite as packages/adapters/zoom/test/commerce, end to end: real sockets between axios and the sandbox
// server, referrals included.
describeAdapterConformance({
  name: 'zoom commerce',
  platform: zoomCommerceConformanceProfile,
  over: 'http',
  connect: (connection) => zoomCommerce(connection),
});
