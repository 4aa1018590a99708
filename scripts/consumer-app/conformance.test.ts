// Copied into a fresh npm application by `pnpm check:packages` and run there with the oldest vitest the
// sandbox's peer range accepts: the packed conformance suite against the packed Zoom adapter, in process (msw)
// and over real HTTP on loopback.
import { describeAdapterConformance, zoomConformanceProfile } from '@channelkit/sandbox/conformance';
import { zoom } from '@channelkit/zoom';

describeAdapterConformance({ name: 'zoom', platform: zoomConformanceProfile, over: 'msw', connect: zoom });
describeAdapterConformance({ name: 'zoom', platform: zoomConformanceProfile, over: 'http', connect: zoom });
