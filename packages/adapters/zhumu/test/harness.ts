import {
  createSandbox,
  type SandboxOptions,
  ZHUMU_SANDBOX_CREDENTIALS,
  type ZhumuSandboxOptions,
  zhumuSandboxPlatform,
} from '@channelkit/sandbox';
import type { ProvisionAccountInput } from '@channelkit/types';
import { type ZhumuOptions, zhumu } from '@channelkit/zhumu';
import {
  createAdapterHarness,
  type SentRequest as SharedSentRequest,
  settled,
} from '../../../../test/adapter-support/adapter-harness';

export { settled };

/** A request as it left the transport, with its form fields decoded once its body is read. */
export type SentRequest = SharedSentRequest & { form: Record<string, string> };

/** One msw server per test file (every test installs its own sandbox or handlers) and the helpers bound to it. */
export const { server, testSettings, recordRequests, contextFor } = createAdapterHarness({
  platform: 'zhumu',
  // Zhumu's default pacing (2 writes per second) would only make the tests slow.
  settings: { rateLimit: 10_000 },
  readBody: (text) => ({ form: Object.fromEntries(new URLSearchParams(text)) }),
});

/** Zhumu's API as the adapter calls it by default. */
export const API = 'https://api.zhumu.me/v3';

/** The requests sent to an endpoint below `/v3`, e.g. `/enterprise/create`. */
export function sentTo(sent: readonly SentRequest[], endpoint: string): SentRequest[] {
  return sent.filter((request) => request.url.pathname === `/v3${endpoint}`);
}

/** A sandboxed Zhumu behind msw, the adapter with the sandbox's credentials, and a request log. */
export function sandboxed(
  options: {
    sandbox?: Omit<SandboxOptions, 'platforms'>;
    zhumu?: ZhumuOptions;
    platform?: ZhumuSandboxOptions;
  } = {},
) {
  const platform = zhumuSandboxPlatform(options.platform);
  const sandbox = createSandbox({ seed: 7, ...options.sandbox, platforms: [platform] });
  server.use(...sandbox.handlers());
  const sent = recordRequests();
  const adapter = zhumu({ ...ZHUMU_SANDBOX_CREDENTIALS, ...options.zhumu });
  const { context, logs, transport } = contextFor(adapter);
  return { sandbox, platform, controls: sandbox.controls(platform), adapter, context, logs, sent, transport };
}

/** A valid provision input: a Shanghai company with Chinese names and address, 10 seats. */
export function provisionInput(overrides: Partial<ProvisionAccountInput> = {}): ProvisionAccountInput {
  return {
    profile: {
      legalName: '上海瞩目示例信息技术有限公司',
      creditCode: '91310000MA1FL4B24G',
      country: 'CN',
      industry: '软件和信息技术服务业',
      employeeCount: '51-250',
      website: 'https://example.cn',
      address: {
        line1: '浦东新区世纪大道 100 号',
        line2: '20 楼',
        city: '上海市',
        region: '上海市',
        postalCode: '200120',
        country: 'CN',
      },
    },
    admin: { firstName: '伟', lastName: '王', email: 'wang.wei@example.cn', mobile: '+8613800138000' },
    seats: 10,
    externalId: 'crm-4711',
    ...overrides,
  };
}

/** Another company's credit code (valid, different from the default input's). */
export const OTHER_CREDIT_CODE = '91350100M000100Y43';
