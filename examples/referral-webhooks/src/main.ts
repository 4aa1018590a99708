import { bizconf } from '@channelkit/bizconf';
import { type ChannelClient, createClient, type Logger } from '@channelkit/core';
import {
  BIZCONF_SANDBOX_CREDENTIALS,
  bizconfSandboxPlatform,
  startSandbox,
  umeetSandboxPlatform,
  ZHUMU_SANDBOX_CREDENTIALS,
  zhumuSandboxPlatform,
  zoomSandboxPlatform,
} from '@channelkit/sandbox';
import type { ChannelEvent, ProvisionAccountInput, ReferralInput } from '@channelkit/types';
import { umeet } from '@channelkit/umeet';
import { zhumu } from '@channelkit/zhumu';
import { zoom } from '@channelkit/zoom';
import { describeEvent } from './describe-event';
import { startReceiver } from './receiver';

// A reseller's webhook receiver, fed by the sandbox: Zoom, Bizconf, Zhumu and Umeet notify it of changes, signed as each
// platform signs them, with the duplicates, reordering and retries platforms produce, and the receiver prints each
// change once, as a typed event.

const SECRETS = { zoom: 'example-zoom-secret-token', umeet: 'example-umeet-endpoint-secret' } as const;
const refusals: Logger = {
  debug() {},
  info() {},
  warn: (message) => console.log(`  receiver: ${message}`),
  error: (message) => console.log(`  receiver: ${message}`),
};

// The receiving side: one client per platform holding only what verification needs (no API calls are made).
const receiving: Record<string, ChannelClient> = {
  zoom: createClient(
    zoom({ accountId: 'n/a', clientId: 'n/a', clientSecret: 'n/a', webhookSecretToken: SECRETS.zoom }),
    {
      logger: refusals,
    },
  ),
  // Bizconf signs callbacks with the application secret.
  bizconf: createClient(
    bizconf({ ...BIZCONF_SANDBOX_CREDENTIALS, baseUrl: 'https://openapi.bizconf.example' }),
    {
      logger: refusals,
    },
  ),
  // Zhumu signs callbacks with the partner key's api_secret.
  zhumu: createClient(zhumu({ ...ZHUMU_SANDBOX_CREDENTIALS }), { logger: refusals }),
  umeet: createClient(umeet({ clientId: 'n/a', clientSecret: 'n/a', webhookSecret: SECRETS.umeet }), {
    logger: refusals,
  }),
};

const received: ChannelEvent[] = [];
const receiver = await startReceiver(receiving, (event) => {
  received.push(event);
  console.log(`event: ${describeEvent(event)}`);
});

// The platforms, now delivering to the receiver, with duplicates, held-back deliveries and quick retries.
const delivery = { duplicateRate: 0.5, outOfOrderRate: 0.5, retryDelaysMs: [20, 40, 80] };
const bizconfHosted = bizconfSandboxPlatform({ provisioningDelayMs: 0 });
const umeetHosted = umeetSandboxPlatform();
const sandbox = await startSandbox({
  seed: 7,
  platforms: [zoomSandboxPlatform(), bizconfHosted, zhumuSandboxPlatform(), umeetHosted],
  webhooks: {
    zoom: { url: receiver.urlFor('zoom'), secret: SECRETS.zoom, ...delivery },
    bizconf: { url: receiver.urlFor('bizconf'), secret: BIZCONF_SANDBOX_CREDENTIALS.appSecret, ...delivery },
    zhumu: { url: receiver.urlFor('zhumu'), secret: ZHUMU_SANDBOX_CREDENTIALS.apiSecret, ...delivery },
    umeet: { url: receiver.urlFor('umeet'), secret: SECRETS.umeet, ...delivery },
  },
});

try {
  const validation = await sandbox.sandbox.webhooks.validate('zoom');
  console.log(`zoom URL validation answered: ${validation.valid}`);

  // Changes made on the platforms (by this program here; by anyone in real life) are notified to the receiver.
  const platformEnv = sandbox.environment();
  const zoomPlatform = createClient(zoom(sandbox.credentials.zoom));
  const bizconfPlatform = createClient(
    bizconf({
      appId: platformEnv.BIZCONF_APP_ID,
      appSecret: platformEnv.BIZCONF_APP_SECRET,
      baseUrl: platformEnv.BIZCONF_BASE_URL,
    }),
  );
  const zhumuPlatform = createClient(
    zhumu({
      apiKey: platformEnv.ZHUMU_API_KEY,
      apiSecret: platformEnv.ZHUMU_API_SECRET,
      baseUrl: platformEnv.ZHUMU_API_URL,
      pathPrefix: platformEnv.ZHUMU_PATH_PREFIX,
    }),
  );
  const umeetPlatform = createClient(
    umeet({
      clientId: platformEnv.UMEET_CLIENT_ID,
      clientSecret: platformEnv.UMEET_CLIENT_SECRET,
      baseUrl: platformEnv.UMEET_API_URL,
      tokenUrl: platformEnv.UMEET_TOKEN_URL,
    }),
  );

  const singapore = (n: number): ProvisionAccountInput => ({
    profile: {
      legalName: `Example Trading ${n} Pte. Ltd.`,
      country: 'SG',
      industry: 'retail',
      employeeCount: '11-50',
    },
    admin: { firstName: 'Mei', lastName: 'Tan', email: `admin${n}@example.com.sg`, mobile: '+6591234567' },
  });
  const shanghai: ProvisionAccountInput = {
    profile: {
      legalName: '上海示例信息技术有限公司',
      creditCode: '91310000MA1FL4B24G',
      country: 'CN',
      industry: 'software',
      employeeCount: '51-250',
    },
    admin: { firstName: '伟', lastName: '王', email: 'admin@example.cn', mobile: '+8613800138000' },
    seats: 10,
  };

  const zoomAccount = await zoomPlatform.accounts.provision(singapore(1));
  await zoomPlatform.accounts.close(zoomAccount.id);

  const bizconfAccount = await bizconfPlatform.accounts.provision(shanghai);
  await bizconfPlatform.licences.set(bizconfAccount.id, { seats: 30 });

  const zhumuAccount = await zhumuPlatform.accounts.provision(shanghai);
  await zhumuPlatform.licences.set(zhumuAccount.id, { seats: 15 });

  const umeetAccount = await umeetPlatform.accounts.provision(shanghai);
  await umeetPlatform.licences.set(umeetAccount.id, { seats: 20 });
  await umeetPlatform.accounts.suspend(umeetAccount.id);

  // Referrals on the mainland platforms: the reseller registers a deal, which the platform's reviewers approve (the
  // sandbox's controls play them), and the platform hands over a lead, which the reseller answers.
  const deal = (product: string): ReferralInput => ({
    name: `${shanghai.profile.legalName} – 200 ${product}`,
    customer: shanghai.profile,
    contacts: [shanghai.admin],
    products: [{ code: product, quantity: 200 }],
    expectedCloseDate: new Date(Date.now() + 90 * 86_400_000).toISOString().slice(0, 10),
  });
  const bizconfReview = sandbox.sandbox.controls(bizconfHosted).referrals;
  const opportunity = await bizconfPlatform.referrals.submit(deal('STANDARD'));
  bizconfReview.reviewOpportunity(opportunity.id, 'APPROVED');
  await bizconfPlatform.referrals.get(opportunity.id); // the platform notices its reviewers' decision by the next request
  const bizconfLead = bizconfReview.createLead({
    customer: { name: '北京示例科技有限公司', province: '北京市' },
    products: [{ productCode: 'PREMIUM', quantity: 80 }],
  });
  await bizconfPlatform.referrals.accept(bizconfLead.leadId);

  const umeetReview = sandbox.sandbox.controls(umeetHosted).referrals;
  const registration = await umeetPlatform.referrals.submit(deal('business'));
  umeetReview.reviewRegistration(registration.id, 'approved');
  await umeetPlatform.referrals.get(registration.id);
  const umeetLead = umeetReview.createLead({
    customer: { name: '广州示例贸易有限公司', region: '广东省' },
    products: [{ code: 'enterprise', quantity: 60 }],
  });
  await umeetPlatform.referrals.decline(umeetLead.id, { reason: 'Outside our region' });

  await sandbox.sandbox.webhooks.settled();
  // Events are emitted right after each answer; let the last ones through.
  await new Promise((resolve) => setImmediate(resolve));

  const deliveries = sandbox.sandbox.webhooks.deliveries;
  const duplicates = deliveries.filter((attempt) => attempt.duplicate).length;
  console.log(
    `deliveries: ${deliveries.length} (${duplicates} duplicates); events printed: ${received.length}`,
  );
  // Event ids are unique per platform: the same change delivered twice has the same id.
  const changes = new Set(received.map((event) => `${event.partner}:${event.id}`));
  console.log(`each change printed once: ${changes.size === received.length}`);
} finally {
  await sandbox.close();
  await receiver.close();
}
