// The adapter conformance suite: `@channelkit/sandbox/conformance` (needs vitest and @channelkit/core).

export {
  type BizconfSandboxConnection,
  bizconfConformanceProfile,
  mainlandCreditCode,
} from './bizconf-profile';
export type {
  ConformanceTarget,
  ConformanceWorld,
  ConformanceWorldOptions,
  PlatformConformanceProfile,
  ReferralConformanceProfile,
  RequestMatcher,
  WrongCredentials,
} from './conformance-target';
export { internationalCustomer, mainlandChinaCustomer } from './customers';
export { describeAdapterConformance } from './describe-adapter-conformance';
export { type UmeetConformanceConnection, umeetConformanceProfile } from './umeet-profile';
export { type ZhumuConformanceConnection, zhumuConformanceProfile } from './zhumu-profile';
export { type RunningZoomCommerceCredentials, zoomCommerceConformanceProfile } from './zoom-commerce-profile';
export { zoomConformanceProfile } from './zoom-profile';
