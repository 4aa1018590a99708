// The adapter conformance suite: `@channelkit/sandbox/conformance` (needs vitest and @channelkit/core).
export type {
  ConformanceTarget,
  ConformanceWorld,
  ConformanceWorldOptions,
  PlatformConformanceProfile,
  RequestMatcher,
  SandboxConnection,
} from './conformance-target';
export { conformanceCustomer, describeAdapterConformance } from './describe-adapter-conformance';
export { zoomConformanceProfile } from './zoom-profile';
