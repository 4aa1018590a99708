import {
  ConfigurationError,
  createHttpTransport,
  createHub,
  createLeadRouter,
  LeadRoutingError,
  MAINLAND_CHINA_PLATFORMS,
  type PartnerAdapter,
  type RoutableLead,
  ValidationError,
} from '@channelkit/core';
import { NO_REFERRAL_CAPABILITIES, type PartnerId } from '@channelkit/types';
import { describe, expect, it } from 'vitest';

const shanghai: RoutableLead = {
  id: 'lead-1',
  customer: { legalName: '上海示例信息技术有限公司', country: 'CN', region: '上海市' },
  products: [{ code: 'business', quantity: 100 }],
};
const singapore: RoutableLead = {
  id: 'lead-2',
  customer: { legalName: 'Example Pte. Ltd.', country: 'SG' },
  products: [{ code: 'Meetings', quantity: 50 }],
};

function lead(n: number, overrides: Partial<RoutableLead['customer']> = {}): RoutableLead {
  return { id: `lead-${n}`, customer: { country: 'CN', ...overrides }, products: [{ code: 'business' }] };
}

describe('createLeadRouter', () => {
  describe('mainland rule', () => {
    it('sends mainland customers to the mainland platforms, first available by default', () => {
      const router = createLeadRouter([{ kind: 'mainland' }], { fallback: 'zoom' });

      const route = router.route(shanghai);
      const overseas = router.route(singapore);

      expect(MAINLAND_CHINA_PLATFORMS).toEqual(['bizconf', 'umeet', 'zhumu']);
      expect(route).toMatchObject({ partner: 'bizconf', rule: 'mainland-1' });
      expect(route.explanation).toBe(
        "Routed to bizconf by rule 'mainland-1': the customer is in mainland China (CN); first available of bizconf, umeet, zhumu.",
      );
      expect(overseas).toMatchObject({ partner: 'zoom', rule: 'fallback' });
      expect(overseas.trace[0]).toEqual({
        rule: 'mainland-1',
        kind: 'mainland',
        outcome: 'skipped',
        reason: 'the customer is in SG, not mainland China (CN)',
        candidates: [],
      });
    });

    it('does not count Hong Kong, Macao or Taiwan as the mainland', () => {
      const router = createLeadRouter([{ kind: 'mainland', to: 'umeet' }], { fallback: 'zoom' });
      for (const country of ['HK', 'MO', 'TW']) {
        expect(router.route(lead(1, { country })).partner).toBe('zoom');
      }
      expect(router.route(lead(1, { country: 'cn' })).partner).toBe('umeet');
    });

    it('passes over platforms that cannot take the lead, and says why', () => {
      const router = createLeadRouter([{ kind: 'mainland' }]);

      const route = router.route(shanghai, {
        partners: ['umeet', 'zhumu'],
        unavailable: { bizconf: 'is not configured' },
      });

      expect(route.partner).toBe('umeet');
      expect(route.trace[0]?.candidates).toEqual(['umeet', 'zhumu']);
    });
  });

  describe('region rule', () => {
    it('matches countries and regions, a region by its start (上海 is 上海市)', () => {
      const router = createLeadRouter(
        [
          { kind: 'region', name: 'east', countries: ['CN'], regions: ['上海', '浙江'], to: 'umeet' },
          { kind: 'region', name: 'asean', countries: ['sg', 'MY'], to: 'zoom' },
        ],
        { fallback: 'bizconf' },
      );

      expect(router.route(shanghai)).toMatchObject({ partner: 'umeet', rule: 'east' });
      expect(router.route(lead(3, { region: '浙江省' })).partner).toBe('umeet');
      expect(router.route(singapore)).toMatchObject({ partner: 'zoom', rule: 'asean' });
      const beijing = router.route(lead(4, { region: '北京市' }));
      expect(beijing).toMatchObject({ partner: 'bizconf', rule: 'fallback' });
      expect(beijing.trace.map((entry) => [entry.rule, entry.outcome, entry.reason])).toEqual([
        ['east', 'skipped', "the customer's region 北京市 is not one of 上海, 浙江"],
        ['asean', 'skipped', "the customer's country CN is not one of sg, MY"],
        ['fallback', 'chosen', 'no rule took the lead'],
      ]);
    });

    it('reads the region from the address when the customer has none, and never matches a lead without one', () => {
      const router = createLeadRouter([{ kind: 'region', regions: ['广东'], to: 'bizconf' }], {
        fallback: 'umeet',
      });
      expect(
        router.route({ customer: { country: 'CN', address: { region: '广东省' } }, products: [] }).partner,
      ).toBe('bizconf');
      expect(router.route({ customer: { country: 'CN' }, products: [] }).partner).toBe('umeet');
    });
  });

  describe('products rule', () => {
    it('matches any of the codes by default, or all of them, ignoring case', () => {
      const router = createLeadRouter(
        [
          { kind: 'products', name: 'suite', codes: ['rooms', 'webinar'], match: 'all', to: 'bizconf' },
          { kind: 'products', name: 'rooms', codes: ['ROOMS'], to: 'umeet' },
        ],
        { fallback: 'zoom' },
      );
      const both = { customer: { country: 'CN' }, products: [{ code: 'Rooms' }, { code: 'webinar' }] };
      const rooms = { customer: { country: 'CN' }, products: [{ code: 'rooms' }] };

      expect(router.route(both)).toMatchObject({ partner: 'bizconf', rule: 'suite' });
      expect(router.route(rooms)).toMatchObject({ partner: 'umeet', rule: 'rooms' });
      expect(router.route(rooms).trace[0]?.reason).toBe('the lead asks for not all of rooms, webinar');
      expect(router.route(shanghai).trace[1]?.reason).toBe('the lead asks for none of ROOMS');
    });
  });

  describe('when rule', () => {
    it('uses your predicate and its description', () => {
      const router = createLeadRouter(
        [
          {
            kind: 'when',
            name: 'large',
            when: (candidate) => (candidate.estimatedValue?.amountMinor ?? 0) >= 10_000_000,
            description: 'an estimated value of 100,000 or more',
            to: 'bizconf',
          },
        ],
        { fallback: 'umeet' },
      );
      const large = { ...shanghai, estimatedValue: { amountMinor: 20_000_000, currency: 'CNY' } };

      expect(router.route(large).explanation).toBe(
        "Routed to bizconf by rule 'large': an estimated value of 100,000 or more.",
      );
      expect(router.route(shanghai).trace[0]?.reason).toBe('not: an estimated value of 100,000 or more');
    });
  });

  describe('round-robin', () => {
    it('takes turns among the platforms able to take the lead, and its state resumes where it stopped', () => {
      const rules = [
        { kind: 'mainland' as const, name: 'mainland', to: { roundRobin: ['umeet', 'bizconf'] } },
      ];
      const router = createLeadRouter(rules);

      const firstFour = [1, 2, 3, 4].map((n) => router.route(lead(n)).partner);
      const onlyUmeet = router.route(lead(5), { partners: ['umeet'] }).partner;
      const resumed = createLeadRouter(rules, { state: router.state() });

      expect(firstFour).toEqual(['umeet', 'bizconf', 'umeet', 'bizconf']);
      expect(onlyUmeet).toBe('umeet');
      expect(router.state()).toEqual({ roundRobin: { mainland: 5 } });
      expect(resumed.route(lead(6)).partner).toBe('bizconf');
      expect(router.route(lead(6)).explanation).toContain('round-robin turn 6, over umeet, bizconf');
    });

    it('does not turn when it does not decide', () => {
      const router = createLeadRouter(
        [{ kind: 'mainland', name: 'rr', to: { roundRobin: ['umeet', 'bizconf'] } }],
        {
          fallback: 'zoom',
        },
      );
      router.route(singapore);
      expect(router.state()).toEqual({ roundRobin: {} });
    });
  });

  describe('weighted split', () => {
    const rules = [{ kind: 'any' as const, name: 'split', to: { weighted: { umeet: 3, bizconf: 1 } } }];

    it('is deterministic per lead and seed, and follows the weights', () => {
      const router = createLeadRouter(rules, { seed: 'spring-2026' });
      const again = createLeadRouter(rules, { seed: 'spring-2026' });

      const picks = Array.from({ length: 400 }, (_, n) => router.route(lead(n)).partner);
      const repeated = Array.from({ length: 400 }, (_, n) => again.route(lead(n)).partner);
      const umeetShare = picks.filter((partner) => partner === 'umeet').length / picks.length;

      expect(repeated).toEqual(picks);
      expect(umeetShare).toBeGreaterThan(0.65);
      expect(umeetShare).toBeLessThan(0.85);
      expect(router.route(lead(1)).explanation).toContain('weighted split (umeet 3, bizconf 1)');
    });

    it('changes with the seed, and splits among the available platforms only', () => {
      const a = Array.from(
        { length: 50 },
        (_, n) => createLeadRouter(rules, { seed: 'a' }).route(lead(n)).partner,
      );
      const b = Array.from(
        { length: 50 },
        (_, n) => createLeadRouter(rules, { seed: 'b' }).route(lead(n)).partner,
      );
      const onlyBizconf = createLeadRouter(rules).route(lead(1), { partners: ['bizconf'] });

      expect(a).not.toEqual(b);
      expect(onlyBizconf.partner).toBe('bizconf');
    });
  });

  describe('fallback and errors', () => {
    it('throws LeadRoutingError with the trace when nothing takes the lead and there is no fallback', () => {
      const router = createLeadRouter([
        { kind: 'mainland', to: 'umeet' },
        { kind: 'products', codes: ['rooms'], to: 'bizconf' },
      ]);

      const failure = (() => {
        try {
          router.route(singapore);
        } catch (error) {
          return error;
        }
        return undefined;
      })();

      expect(failure).toBeInstanceOf(LeadRoutingError);
      expect(failure).toMatchObject({ code: 'configuration_error', leadId: 'lead-2' });
      expect((failure as LeadRoutingError).trace.map((entry) => entry.outcome)).toEqual([
        'skipped',
        'skipped',
      ]);
      expect((failure as Error).message).toContain(
        "'mainland-1': the customer is in SG, not mainland China (CN)",
      );
      expect(JSON.parse(JSON.stringify(failure))).toMatchObject({
        name: 'LeadRoutingError',
        leadId: 'lead-2',
      });
    });

    it('throws when the matching rules and the fallback name only platforms that cannot take it', () => {
      const router = createLeadRouter<'zhumu' | 'zoom' | 'umeet'>([{ kind: 'mainland', to: 'zhumu' }], {
        fallback: 'zoom',
      });
      const failure = (() => {
        try {
          return router.route(shanghai, {
            partners: ['umeet'],
            unavailable: { zhumu: 'takes no referrals' },
          });
        } catch (error) {
          return error;
        }
      })();
      expect(failure).toBeInstanceOf(LeadRoutingError);
      expect((failure as LeadRoutingError).trace[0]?.reason).toBe(
        'the customer is in mainland China (CN), but no platform of zhumu can take it (zhumu takes no referrals)',
      );
    });

    it('marks the rules after the deciding one as not reached', () => {
      const router = createLeadRouter([{ kind: 'any', to: 'umeet' }, { kind: 'mainland' }], {
        fallback: 'zoom',
      });
      expect(router.route(shanghai).trace.map((entry) => [entry.rule, entry.outcome])).toEqual([
        ['any-1', 'chosen'],
        ['mainland-2', 'not_reached'],
        ['fallback', 'not_reached'],
      ]);
    });

    it.each([
      ['an unknown kind', [{ kind: 'country', to: 'umeet' }], 'rules[0].kind'],
      ['an empty list of platforms', [{ kind: 'any', to: [] }], 'rules[0].to'],
      [
        'a weight that is not positive',
        [{ kind: 'any', to: { weighted: { umeet: 0 } } }],
        'rules[0].to.weighted.umeet',
      ],
      ['a products rule without codes', [{ kind: 'products', codes: [], to: 'umeet' }], 'rules[0].codes'],
      ['a region rule without a region', [{ kind: 'region', to: 'umeet' }], 'rules[0]'],
      [
        'two rules with one name',
        [
          { kind: 'any', name: 'x', to: 'a' },
          { kind: 'any', name: 'x', to: 'b' },
        ],
        'rules',
      ],
    ])('refuses %s when it is created', (_what, rules, option) => {
      const failure = (() => {
        try {
          createLeadRouter(rules as never);
        } catch (error) {
          return error;
        }
        return undefined;
      })();
      expect(failure).toBeInstanceOf(ConfigurationError);
      expect(failure).toMatchObject({ option });
    });

    it('refuses a lead without a customer or products', () => {
      const router = createLeadRouter([{ kind: 'any', to: 'umeet' }]);
      expect(() => router.route({ products: [] } as never)).toThrow(ValidationError);
      expect(() => router.route({ customer: {} } as never)).toThrow(ValidationError);
    });
  });
});

function adapter(partner: PartnerId, outbound: boolean): PartnerAdapter {
  const refuse = () => Promise.reject(new Error('not used by routing'));
  return {
    partner,
    capabilities: {
      accounts: { provision: false, get: true, list: false, suspend: false, resume: false, close: false },
      licences: { get: true, set: false, preview: false },
      referrals: { ...NO_REFERRAL_CAPABILITIES, outbound, get: outbound, list: outbound },
      webhooks: false,
    },
    createTransport: (settings) =>
      createHttpTransport({ ...settings, baseURL: 'https://platform.invalid', platform: partner }),
    accounts: {
      provision: refuse,
      get: refuse,
      list: () => {
        throw new Error('not used by routing');
      },
    },
    licences: { get: refuse, set: refuse },
  };
}

describe('hub.referrals.route', () => {
  it('routes among the hub platforms that accept referrals, and says why others were passed over', () => {
    const hub = createHub({
      zhumu: adapter('zhumu', false),
      umeet: adapter('umeet', true),
      zoom: adapter('zoom', true),
    });
    const router = createLeadRouter<'zhumu' | 'umeet' | 'zoom' | 'bizconf'>(
      [{ kind: 'mainland', to: ['zhumu', 'bizconf'] }],
      {
        fallback: ['zhumu', 'umeet'],
      },
    );

    const route = hub.referrals.route(shanghai, router);

    expect(route.partner).toBe('umeet');
    expect(route.rule).toBe('fallback');
    expect(route.trace[0]?.reason).toBe(
      'the customer is in mainland China (CN), but no platform of the first of zhumu, bizconf can take it ' +
        '(zhumu takes no referrals (capabilities.referrals.outbound is false); bizconf is not among the platforms that can take leads)',
    );
  });
});
