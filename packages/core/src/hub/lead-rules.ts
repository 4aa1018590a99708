import type { Money } from '@channelkit/types';

/**
 * The platforms through which Zoom technology is sold in mainland China (Zoom itself does not sell there since
 * 2020-08-23): the default targets of a `mainland` rule, in this order of preference.
 */
export const MAINLAND_CHINA_PLATFORMS = ['bizconf', 'umeet', 'zhumu'] as const;

/**
 * What a lead router reads of a lead. A `Referral` (an inbound lead as `client.referrals.list` returns it) and a
 * `ReferralInput` both fit; so does a lead from your own CRM with these fields.
 */
export interface RoutableLead {
  /** The lead's id; with the customer, what makes a weighted split pick the same platform for the same lead. */
  readonly id?: string | undefined;
  /** The prospective customer. */
  readonly customer: {
    /** Legal name. */
    readonly legalName?: string | undefined;
    /** ISO 3166-1 alpha-2 country (or region) code, e.g. `'CN'`; compared ignoring case. */
    readonly country?: string | undefined;
    /** Province, state or region within the country, e.g. `'上海'`. */
    readonly region?: string | undefined;
    /** Unified Social Credit Code, when known. */
    readonly creditCode?: string | undefined;
    /** The registered address; its `region` counts when `region` is absent. */
    readonly address?:
      | {
          /** Province, state or region of the address. */
          readonly region?: string | undefined;
        }
      | undefined;
  };
  /** Products of interest; only their codes are read. */
  readonly products: readonly {
    /** Product code, compared ignoring case. */
    readonly code: string;
    /** How many; not read by the built-in rules. */
    readonly quantity?: number | undefined;
  }[];
  /** Estimated value, for `when` rules. */
  readonly estimatedValue?: Money | undefined;
}

/**
 * Where a matching rule sends a lead:
 *
 * - a platform, e.g. `'umeet'`;
 * - a list of platforms, the first that can take the lead, e.g. `['umeet', 'bizconf']`;
 * - `{ roundRobin: [...] }`, each in turn among those that can take the lead (the turn is the router's state);
 * - `{ weighted: { umeet: 3, bizconf: 1 } }`, a split by weight, deterministic per lead (the same lead always goes
 *   to the same platform, for a given `seed`).
 */
export type LeadTarget<Partner extends string = string> =
  | Partner
  | readonly Partner[]
  | {
      /** The platforms, each in turn. */
      readonly roundRobin: readonly Partner[];
    }
  | {
      /** Each platform's weight, a positive number. */
      readonly weighted: Readonly<Partial<Record<Partner, number>>>;
    };

interface RuleBase<Partner extends string> {
  /** The rule's name in explanations and round-robin state; default `<kind>-<position from 1>`. */
  readonly name?: string | undefined;
  /** Where a lead this rule matches goes. */
  readonly to: LeadTarget<Partner>;
}

/** Leads of customers in mainland China (`country: 'CN'`; Hong Kong, Macao and Taiwan are not mainland). */
export interface MainlandLeadRule<Partner extends string = string> extends Omit<RuleBase<Partner>, 'to'> {
  /** The rule's kind. */
  readonly kind: 'mainland';
  /** Where they go. @default MAINLAND_CHINA_PLATFORMS, the first that can take the lead */
  readonly to?: LeadTarget<Partner> | undefined;
}

/** Leads from some countries and/or regions within them. */
export interface RegionLeadRule<Partner extends string = string> extends RuleBase<Partner> {
  /** The rule's kind. */
  readonly kind: 'region';
  /** ISO country codes, any of which matches (ignoring case); absent: any country. */
  readonly countries?: readonly string[] | undefined;
  /**
   * Regions (provinces, states), any of which matches: equal ignoring case and full-width forms, or one the start of
   * the other (`'上海'` matches `'上海市'`); absent: any region. A lead without a region never matches a list.
   */
  readonly regions?: readonly string[] | undefined;
}

/** Leads for some products. */
export interface ProductsLeadRule<Partner extends string = string> extends RuleBase<Partner> {
  /** The rule's kind. */
  readonly kind: 'products';
  /** Product codes, compared ignoring case. */
  readonly codes: readonly string[];
  /** `'any'`: the lead names one of them; `'all'`: it names every one. @default 'any' */
  readonly match?: 'any' | 'all' | undefined;
}

/** Leads your own predicate accepts. */
export interface CustomLeadRule<Partner extends string = string> extends RuleBase<Partner> {
  /** The rule's kind. */
  readonly kind: 'when';
  /** Says whether the rule applies. */
  readonly when: (lead: RoutableLead) => boolean;
  /** What the predicate checks, in words, for explanations, e.g. `'estimated value of CNY 100,000 or more'`. */
  readonly description: string;
}

/** Every lead: put last, with a split, to share what earlier rules leave. */
export interface AnyLeadRule<Partner extends string = string> extends RuleBase<Partner> {
  /** The rule's kind. */
  readonly kind: 'any';
}

/** A routing rule. Rules are tried in order; the first that matches and has a platform able to take the lead wins. */
export type LeadRule<Partner extends string = string> =
  | MainlandLeadRule<Partner>
  | RegionLeadRule<Partner>
  | ProductsLeadRule<Partner>
  | CustomLeadRule<Partner>
  | AnyLeadRule<Partner>;

/** What became of one rule for one lead. */
export interface LeadRuleTrace<Partner extends string = string> {
  /** The rule's name (or `'fallback'`). */
  readonly rule: string;
  /** The rule's kind (or `'fallback'`). */
  readonly kind: LeadRule['kind'] | 'fallback';
  /**
   * `chosen`: it decided; `skipped`: it did not match, or matched with no platform able to take the lead;
   * `not_reached`: an earlier rule decided.
   */
  readonly outcome: 'chosen' | 'skipped' | 'not_reached';
  /** Why, in words. */
  readonly reason: string;
  /** The platforms the rule could choose from, for a matching rule (those able to take the lead). */
  readonly candidates: readonly Partner[];
}

/** A routing decision: the platform, the rule that chose it, and why, in words and as data. */
export interface LeadRoute<Partner extends string = string> {
  /** The platform chosen. */
  readonly partner: Partner;
  /** The name of the rule that chose it, or `'fallback'`. */
  readonly rule: string;
  /** The decision in one sentence, with what was skipped and why. */
  readonly explanation: string;
  /** Every rule in order, and the fallback, with its outcome and reason. */
  readonly trace: readonly LeadRuleTrace<Partner>[];
}
