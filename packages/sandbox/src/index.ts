export { createSandbox, type Sandbox, type SandboxFaults } from './create-sandbox';
export type {
  Fault,
  FaultKind,
  FaultRule,
  HangFault,
  LatencyFault,
  RateLimitFault,
  ResetFault,
  ServerErrorFault,
  TokenExpiredFault,
} from './faults/fault-rule';
export { type SandboxHandlersOptions, sandboxHandlers } from './msw/sandbox-handlers';
export { defineSandboxPlatform } from './platform/define-sandbox-platform';
export type { RateLimitAnswer, RenderableFault } from './platform/platform-fault';
export type { PlatformUrls } from './platform/platform-urls';
export type {
  SandboxPlatform,
  SandboxPlatformContext,
  SandboxPlatformInstance,
} from './platform/sandbox-platform';
export type { SandboxRequest, SandboxRoute } from './platform/sandbox-request';
export type { RequestRecord } from './request-record';
export type {
  SandboxBaseUrls,
  SandboxOptions,
  SandboxRateLimits,
  ZoomRateLimits,
  ZoomSandboxOptions,
} from './sandbox-options';
export type { ConnectionFault, RequestCategory, SandboxPlatformName, SandboxResult } from './sandbox-result';
export {
  type RunningSandbox,
  type RunningZoomCredentials,
  type StartSandboxOptions,
  startSandbox,
} from './server/start-sandbox';
export type { SandboxWebhooks, WebhookValidationResult } from './webhooks/sandbox-webhooks';
export type { SandboxWebhookNotification, SandboxWebhookScheme } from './webhooks/webhook-scheme';
export type {
  SandboxWebhookTarget,
  SandboxWebhookTargets,
  WebhookDeliveryRecord,
} from './webhooks/webhook-target';
export {
  type SignedWebhookDelivery,
  type ZoomWebhookDeliveryOptions,
  zoomWebhookDelivery,
} from './webhooks/zoom-webhook-delivery';
export { signZoomWebhook, zoomWebhookScheme } from './webhooks/zoom-webhook-scheme';
export type {
  ZoomPlanStatus,
  ZoomPlanType,
  ZoomSandboxAccount,
  ZoomSandboxAccountInput,
  ZoomSandboxControls,
  ZoomSandboxCredentials,
  ZoomSandboxPlan,
  ZoomSandboxPlanInput,
  ZoomSandboxUser,
  ZoomSandboxUserInput,
  ZoomUserStatus,
  ZoomUserType,
} from './zoom/zoom-controls';
export {
  ZOOM_API_BASE_URL,
  ZOOM_BUSINESS_RATE_LIMITS,
  ZOOM_OAUTH_URL,
  ZOOM_SANDBOX_CREDENTIALS,
} from './zoom/zoom-defaults';
export { zoomSandboxPlatform } from './zoom/zoom-platform';
