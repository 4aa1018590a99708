// Inbound leads routed by rules, against the sandbox (in-memory platforms on a loopback port). Bizconf and Systec
// Umeet hand us leads, and our web form brings one from Singapore. We accept each platform's lead where it came from,
// let a lead router choose the platform to register the deal with (rooms deals with Bizconf, East China with Umeet,
// the rest of the mainland split by weight, the rest of the world with Zoom), and register it there. A second pass
// over the same leads, as a restarted worker would make, registers nothing twice. Only public API is used.
import { bizconf } from '@channelkit/bizconf';
import { createHub, createLeadRouter, type LeadRoute } from '@channelkit/core';
import {
  bizconfSandboxPlatform,
  startSandbox,
  umeetSandboxPlatform,
  ZOOM_COMMERCE_SANDBOX_PRICE_LISTS,
  zhumuSandboxPlatform,
  zoomSandboxPlatform,
} from '@channelkit/sandbox';
import type { Referral, ReferralInput } from '@channelkit/types';
import { umeet } from '@channelkit/umeet';
import { zhumu } from '@channelkit/zhumu';
import { zoomCommerce } from '@channelkit/zoom';

type Platform = 'bizconf' | 'umeet' | 'zhumu' | 'zoom';

const step = (title: string) => console.log(`\n▸ ${title}`);
const detail = (text: string) => console.log(`  ${text}`);

/** A lead from our own web form: already in the shape of a referral input (Zoom needs the most). */
const webFormLead: ReferralInput = {
  name: 'Example Logistics – 120 seats',
  customer: {
    legalName: 'Example Logistics Pte. Ltd.',
    country: 'SG',
    industry: 'logistics',
    employeeCount: '251-500',
    website: 'https://logistics.example.com.sg',
    address: {
      line1: '8 Marina View',
      city: 'Singapore',
      region: 'Singapore',
      postalCode: '018960',
      country: 'SG',
    },
  },
  contacts: [
    {
      firstName: 'Mei',
      lastName: 'Lim',
      email: 'mei.lim@logistics.example.com.sg',
      mobile: '+6598765432',
      jobTitle: 'CIO',
    },
  ],
  products: [{ code: 'Meetings', quantity: 120 }],
  estimatedValue: { amountMinor: 219_960, currency: 'USD' },
  expectedCloseDate: '2026-12-31',
  activities: [{ type: 'Web form', date: '2026-06-01' }],
  externalId: 'web-lead-17',
};

/** The deal to register for a lead a platform handed us: the lead's customer, people and products. */
function dealFor(lead: Referral): ReferralInput {
  const { customer } = lead;
  return {
    name: lead.name ?? `${customer.legalName} – ${lead.products.map((product) => product.code).join(', ')}`,
    customer: {
      legalName: customer.legalName,
      ...(lead.externalRefs.creditCode ? { creditCode: lead.externalRefs.creditCode } : {}),
      country: customer.country ?? 'CN',
      industry: customer.industry ?? 'unknown',
      employeeCount: (customer.employeeCount ?? '51-250') as ReferralInput['customer']['employeeCount'],
    },
    // A contact needs an e-mail and a mobile to be named on a deal registration.
    contacts: lead.contacts.flatMap((contact) =>
      contact.email && contact.phone
        ? [
            {
              firstName: contact.firstName ?? '',
              lastName: contact.lastName ?? '',
              email: contact.email,
              mobile: contact.phone,
            },
          ]
        : [],
    ),
    products: lead.products,
    ...(lead.estimatedValue ? { estimatedValue: lead.estimatedValue } : {}),
    expectedCloseDate: '2026-12-31',
    externalId: `lead-${lead.partner}-${lead.id}`,
  };
}

const platforms = {
  zoom: zoomSandboxPlatform(),
  bizconf: bizconfSandboxPlatform(),
  zhumu: zhumuSandboxPlatform(),
  umeet: umeetSandboxPlatform(),
};
const running = await startSandbox({ seed: 7, platforms: Object.values(platforms) });
try {
  // What `channelkit-sandbox run` does for a program of yours: the adapters read these variables.
  Object.assign(process.env, running.environment());
  // A worker's hub: one client per platform, each with its own (in-memory) idempotency store.
  const worker = () =>
    createHub(
      {
        bizconf: bizconf(),
        umeet: umeet(),
        zhumu: zhumu(),
        zoom: zoomCommerce({
          ...running.credentials.zoom,
          defaultPlan: ZOOM_COMMERCE_SANDBOX_PRICE_LISTS.businessAnnual,
          salesRepContactCrmNumber: running.sandbox.zoom.commerce.salesRepContactCrmNumber,
        }),
      },
      { userAgent: 'channelkit-example-route-leads/0.1' },
    );
  const hub = worker();

  step('Leads come in: two from Bizconf, one from Systec Umeet, one from our web form');
  const bizconfLeads = running.sandbox.controls(platforms.bizconf).referrals;
  bizconfLeads.createLead({
    customer: { name: '广州示例会议服务有限公司', province: '广东省', industry: 'services', scale: '51-250' },
    contacts: [{ familyName: '陈', givenName: '静', email: 'chen.jing@example.cn', mobile: '13600136000' }],
    products: [{ productCode: 'ROOMS', quantity: 12 }],
    estimatedAmount: 960_000,
  });
  bizconfLeads.createLead({
    customer: { name: '北京示例科技有限公司', province: '北京市', industry: 'software', scale: '251-500' },
    contacts: [{ familyName: '赵', givenName: '磊', email: 'zhao.lei@example.cn', mobile: '13700137000' }],
    products: [{ productCode: 'STANDARD', quantity: 300 }],
    estimatedAmount: 2_700_000,
  });
  running.sandbox.controls(platforms.umeet).referrals.createLead({
    customer: {
      name: '杭州示例电子商务有限公司',
      region: '浙江省',
      industry: 'e-commerce',
      employeeCount: '51-250',
    },
    contacts: [{ firstName: '芳', lastName: '李', email: 'li.fang@example.cn', mobile: '+8613900139000' }],
    products: [{ code: 'business', quantity: 80 }],
    estimatedValue: { amountMinor: 800_000, currency: 'CNY' },
  });

  // Every open lead of the platforms that hand leads out, and what each platform's lead says about its region.
  const incoming: { lead: Referral | undefined; input: ReferralInput; region?: string | undefined }[] = [];
  for (const partner of ['bizconf', 'umeet'] as const) {
    for await (const lead of hub
      .partner(partner)
      .referrals.list({ direction: 'inbound', status: 'submitted' })) {
      detail(
        `${partner.padEnd(7)} ${lead.id}  ${lead.customer.legalName}  ${lead.products.map((p) => `${p.quantity}×${p.code}`).join(', ')}`,
      );
      incoming.push({ lead, input: dealFor(lead) });
    }
  }
  // The platforms' leads name a province; look it up the way your CRM does (here, from the sandbox's records).
  const regions = new Map<string, string>();
  for (const lead of bizconfLeads.listLeads()) regions.set(lead.leadId, lead.customer.province ?? '');
  for (const lead of running.sandbox.controls(platforms.umeet).referrals.listLeads()) {
    regions.set(lead.id, lead.customer.region ?? '');
  }
  for (const entry of incoming) entry.region = entry.lead ? regions.get(entry.lead.id) : undefined;
  incoming.push({ lead: undefined, input: webFormLead, region: 'Singapore' });
  detail(`web     web-lead-17  ${webFormLead.customer.legalName}  120×Meetings`);

  step('We take on the platforms’ leads');
  for (const { lead } of incoming) {
    if (!lead) continue;
    const accepted = await hub.partner(lead.partner as Platform).referrals.accept(lead.id);
    detail(`${lead.id}: ${accepted.status} (${lead.partner}: ${accepted.platformStatus})`);
  }

  const router = createLeadRouter<Platform>(
    [
      { kind: 'products', name: 'rooms', codes: ['rooms'], to: 'bizconf' },
      {
        kind: 'region',
        name: 'east-china',
        countries: ['CN'],
        regions: ['上海', '浙江', '江苏'],
        to: ['umeet', 'bizconf'],
      },
      { kind: 'mainland', name: 'mainland', to: { weighted: { umeet: 1, bizconf: 1, zhumu: 1 } } },
      { kind: 'region', name: 'asean', countries: ['SG', 'MY', 'ID', 'TH'], to: 'zoom' },
    ],
    { seed: 'route-leads-example' },
  );

  async function routeAndRegister(on: typeof hub, print: boolean): Promise<Map<string, string>> {
    const registered = new Map<string, string>();
    for (const { lead, input, region } of incoming) {
      const routable = {
        id: lead?.id ?? input.externalId,
        customer: { ...input.customer, region },
        products: input.products,
      };
      const route: LeadRoute<Platform> = on.referrals.route(routable, router);
      // One key per lead: a repeat of the registration is recognised as one, by the client and by the platform.
      const deal = await on
        .partner(route.partner)
        .referrals.submit(input, { idempotencyKey: `register-${routable.id}` });
      registered.set(String(routable.id), `${route.partner}:${deal.id}`);
      if (print) {
        detail(`${routable.id} → ${route.partner}  (${route.explanation})`);
        detail(`  registered ${deal.id}  status=${deal.status} (${route.partner}: ${deal.platformStatus})`);
      }
    }
    return registered;
  }

  step('Each lead is routed by the rules, and its deal registered with the platform chosen');
  const first = await routeAndRegister(hub, true);

  step('Why, as data: the trace of the Beijing lead');
  const beijing = incoming.find((entry) => entry.input.customer.legalName.startsWith('北京'));
  if (beijing?.lead) {
    const route = hub.referrals.route(
      {
        id: beijing.lead.id,
        customer: { ...beijing.input.customer, region: beijing.region },
        products: beijing.input.products,
      },
      router,
    );
    for (const entry of route.trace)
      detail(`${entry.rule.padEnd(10)} ${entry.outcome.padEnd(11)} ${entry.reason}`);
  }

  step('A restarted worker (its memory lost) routes the same leads again');
  const again = await routeAndRegister(worker(), false);
  const same = [...first].every(([id, where]) => again.get(id) === where);
  detail(`same platform and same registration for every lead: ${same}`);

  step('A colleague registers the Beijing deal by hand, with another key');
  const [chosen = 'bizconf'] = (first.get(String(beijing?.lead?.id)) ?? '').split(':') as [Platform?];
  if (beijing) {
    const byHand = await worker()
      .partner(chosen)
      .referrals.submit(beijing.input, { idempotencyKey: 'crm-manual-entry-5' });
    const same = first.get(String(beijing.lead?.id)) === `${chosen}:${byHand.id}`;
    detail(`${chosen} answers with the registration it holds: ${same}`);
  }

  step('What the platforms hold');
  const opportunities = running.sandbox.controls(platforms.bizconf).referrals.listOpportunities().length;
  const registrations = running.sandbox.controls(platforms.umeet).referrals.listRegistrations().length;
  detail(
    `Bizconf opportunities: ${opportunities}, Umeet registrations: ${registrations}, leads: ${incoming.length}`,
  );
} finally {
  await running.close();
}
