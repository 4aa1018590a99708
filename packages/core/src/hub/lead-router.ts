import { createHash } from 'node:crypto';
import { ConfigurationError } from '../errors/configuration-error';
import { ValidationError } from '../errors/validation-error';
import { LeadRoutingError } from './lead-routing-error';
import {
  type LeadRoute,
  type LeadRule,
  type LeadRuleTrace,
  type LeadTarget,
  MAINLAND_CHINA_PLATFORMS,
  type RoutableLead,
} from './lead-rules';

/** Where a router's round-robin rules stand: the next turn of each, by rule name. Plain data, to persist. */
export interface LeadRouterState {
  /** The number of leads each round-robin rule has routed so far. */
  readonly roundRobin: Readonly<Record<string, number>>;
}

/** Options of {@link createLeadRouter}. */
export interface LeadRouterOptions<Partner extends string = string> {
  /** Where a lead no rule takes goes; without one, such a lead is a `LeadRoutingError`. */
  fallback?: LeadTarget<Partner> | undefined;
  /** Seeds weighted splits: the same seed and lead always give the same platform. @default 'channelkit' */
  seed?: string | undefined;
  /** Where round-robin rules start, e.g. the `state()` of an earlier router. @default every rule at its first turn */
  state?: LeadRouterState | undefined;
}

/** Options of one routing decision. */
export interface RouteLeadOptions<Partner extends string = string> {
  /**
   * The platforms able to take the lead now (e.g. those of a hub that accept referrals); a rule's target outside
   * them is passed over, and the reason is in the trace. @default every platform the rules name
   */
  partners?: readonly Partner[] | undefined;
  /** Why some platforms cannot take the lead, by platform, for the trace (e.g. `'takes no referrals'`). */
  unavailable?: Readonly<Partial<Record<Partner, string>>> | undefined;
}

/** Chooses a platform for an inbound lead by rules you write, and says why. Create one with {@link createLeadRouter}. */
export interface LeadRouter<Partner extends string = string> {
  /** The rules, in order, with their names. */
  readonly rules: readonly (LeadRule<Partner> & {
    /** The rule's name: as given, or `<kind>-<position from 1>`. */
    readonly name: string;
  })[];
  /**
   * Routes one lead: the first rule that matches it and names a platform able to take it decides; otherwise the
   * fallback. A round-robin rule that decides moves to its next turn.
   * @throws LeadRoutingError when no rule takes the lead and there is no fallback.
   * @throws ValidationError when the lead lacks a customer or a product list.
   */
  route(lead: RoutableLead, options?: RouteLeadOptions<Partner>): LeadRoute<Partner>;
  /** Where the round-robin rules stand, to persist and pass as `state` to a later router. */
  state(): LeadRouterState;
}

const normalize = (text: string) => text.normalize('NFKC').replace(/\s+/gu, ' ').trim().toLowerCase();

function regionMatches(wanted: string, actual: string): boolean {
  const [a, b] = [normalize(wanted), normalize(actual)];
  return a !== '' && b !== '' && (a === b || a.startsWith(b) || b.startsWith(a));
}

type Target<Partner extends string> = LeadTarget<Partner>;

// `Array.isArray` does not narrow readonly arrays.
function isList<Partner extends string>(target: Target<Partner>): target is readonly Partner[] {
  return Array.isArray(target);
}

/** The platforms a target names, in its order. */
function platformsOf<Partner extends string>(target: Target<Partner>): Partner[] {
  if (typeof target === 'string') return [target];
  if (isList(target)) return [...target];
  if ('roundRobin' in target) return [...target.roundRobin];
  return Object.keys(target.weighted) as Partner[];
}

function describeTarget<Partner extends string>(target: Target<Partner>): string {
  if (typeof target === 'string') return target;
  if (isList(target)) return `the first of ${target.join(', ')}`;
  if ('roundRobin' in target) return `round-robin over ${target.roundRobin.join(', ')}`;
  const weights = Object.entries(target.weighted).map(([partner, weight]) => `${partner} ${String(weight)}`);
  return `a weighted split (${weights.join(', ')})`;
}

function checkTarget(target: unknown, option: string): void {
  const problem = (text: string) => new ConfigurationError({ option, problem: text });
  if (typeof target === 'string') {
    if (target.trim() === '') throw problem('must name a platform');
    return;
  }
  if (Array.isArray(target)) {
    if (target.length === 0 || target.some((item) => typeof item !== 'string' || item.trim() === '')) {
      throw problem("must list at least one platform, e.g. ['umeet', 'bizconf']");
    }
    return;
  }
  if (typeof target === 'object' && target !== null && 'roundRobin' in target) {
    checkTarget((target as { roundRobin: unknown }).roundRobin, `${option}.roundRobin`);
    if (!Array.isArray((target as { roundRobin: unknown }).roundRobin))
      throw problem('roundRobin must be a list');
    return;
  }
  if (typeof target === 'object' && target !== null && 'weighted' in target) {
    const weights = Object.entries((target as { weighted: Record<string, unknown> }).weighted ?? {});
    if (weights.length === 0) throw problem('weighted must give at least one platform a weight');
    for (const [partner, weight] of weights) {
      if (typeof weight !== 'number' || !Number.isFinite(weight) || weight <= 0) {
        throw new ConfigurationError({
          option: `${option}.weighted.${partner}`,
          problem: `must be a positive number (got ${String(weight)})`,
        });
      }
    }
    return;
  }
  throw problem('must be a platform, a list of platforms, { roundRobin: [...] } or { weighted: { ... } }');
}

const KINDS = new Set(['mainland', 'region', 'products', 'when', 'any']);

function checkRules<Partner extends string>(rules: readonly LeadRule<Partner>[]) {
  if (!Array.isArray(rules))
    throw new ConfigurationError({ option: 'rules', problem: 'must be a list of rules' });
  const named = rules.map((rule, index) => {
    const option = `rules[${index}]`;
    if (typeof rule !== 'object' || rule === null || !KINDS.has(rule.kind)) {
      throw new ConfigurationError({
        option: `${option}.kind`,
        problem: "must be 'mainland', 'region', 'products', 'when' or 'any'",
      });
    }
    if (rule.kind !== 'mainland' || rule.to !== undefined) checkTarget(rule.to, `${option}.to`);
    if (rule.kind === 'products' && (!Array.isArray(rule.codes) || rule.codes.length === 0)) {
      throw new ConfigurationError({
        option: `${option}.codes`,
        problem: 'must list at least one product code',
      });
    }
    if (rule.kind === 'region' && rule.countries === undefined && rule.regions === undefined) {
      throw new ConfigurationError({ option, problem: 'must give countries, regions or both' });
    }
    if (rule.kind === 'when' && (typeof rule.when !== 'function' || !rule.description)) {
      throw new ConfigurationError({ option, problem: 'must give a when function and its description' });
    }
    const name = rule.name ?? `${rule.kind}-${index + 1}`;
    return { ...rule, name };
  });
  const seen = new Set<string>();
  for (const rule of named) {
    if (seen.has(rule.name) || rule.name === 'fallback') {
      throw new ConfigurationError({
        option: 'rules',
        problem: `has two rules named '${rule.name}': names must be unique`,
      });
    }
    seen.add(rule.name);
  }
  return named;
}

/** Whether a rule's condition holds for the lead, and why, in words. */
function evaluate<Partner extends string>(
  rule: LeadRule<Partner>,
  lead: RoutableLead,
): { matches: boolean; why: string } {
  const country = lead.customer.country?.trim().toUpperCase();
  switch (rule.kind) {
    case 'mainland':
      return country === 'CN'
        ? { matches: true, why: 'the customer is in mainland China (CN)' }
        : {
            matches: false,
            why: `the customer is ${country ? `in ${country}` : 'of no known country'}, not mainland China (CN)`,
          };
    case 'region': {
      const region = lead.customer.region ?? lead.customer.address?.region;
      if (
        rule.countries !== undefined &&
        !rule.countries.some((code) => code.trim().toUpperCase() === country)
      ) {
        return {
          matches: false,
          why: `the customer's country ${country ?? '(none)'} is not one of ${rule.countries.join(', ')}`,
        };
      }
      if (
        rule.regions !== undefined &&
        !(region !== undefined && rule.regions.some((wanted) => regionMatches(wanted, region)))
      ) {
        return {
          matches: false,
          why: `the customer's region ${region ?? '(none)'} is not one of ${rule.regions.join(', ')}`,
        };
      }
      const where = [country, region].filter((part) => part !== undefined).join(', ');
      return { matches: true, why: `the customer is in ${where}` };
    }
    case 'products': {
      const codes = new Set(lead.products.map((product) => normalize(product.code)));
      const wanted = rule.codes.map(normalize);
      const present = wanted.filter((code) => codes.has(code));
      const all = rule.match === 'all';
      const matches = all ? present.length === wanted.length : present.length > 0;
      return matches
        ? { matches, why: `the lead asks for ${present.join(', ')}` }
        : { matches, why: `the lead asks for ${all ? 'not all' : 'none'} of ${rule.codes.join(', ')}` };
    }
    case 'when': {
      const matches = rule.when(lead) === true;
      return { matches, why: matches ? rule.description : `not: ${rule.description}` };
    }
    case 'any':
      return { matches: true, why: 'it takes every lead' };
  }
}

/** A number in [0, 1) from the seed and the lead, the same for the same inputs on every machine. */
function draw(seed: string, lead: RoutableLead): number {
  const key = lead.id ?? lead.customer.creditCode ?? lead.customer.legalName ?? JSON.stringify(lead.products);
  const digest = createHash('sha256').update(`${seed}\n${key}`, 'utf8').digest();
  return digest.readUIntBE(0, 6) / 2 ** 48;
}

/**
 * Creates a lead router from rules you write, tried in order: `mainland` (customers in mainland China, by default to
 * the mainland platforms), `region` (countries and regions), `products`, `when` (your predicate) and `any`; each sends
 * what it matches to a platform, the first available of a list, a round-robin or a weighted split. Every decision
 * says which rule chose, why, and why every other rule was skipped, in words and as data.
 * @throws ConfigurationError for a rule or target that cannot work (no platforms, a weight that is not positive,
 * a `products` rule without codes, two rules with one name).
 * @example
 * import { createLeadRouter } from '@channelkit/core';
 *
 * const router = createLeadRouter(
 *   [
 *     { kind: 'products', name: 'rooms', codes: ['rooms'], to: 'bizconf' },
 *     { kind: 'mainland', to: { roundRobin: ['umeet', 'bizconf'] } },
 *     { kind: 'region', countries: ['SG', 'MY'], to: 'zoom' },
 *   ],
 *   { fallback: 'zoom' },
 * );
 * const route = router.route({ customer: { country: 'CN' }, products: [{ code: 'business' }] });
 * console.log(route.partner, route.explanation);
 */
export function createLeadRouter<Partner extends string = string>(
  rules: readonly LeadRule<Partner>[],
  options: LeadRouterOptions<Partner> = {},
): LeadRouter<Partner> {
  const named = checkRules(rules);
  if (options.fallback !== undefined) checkTarget(options.fallback, 'fallback');
  const seed = options.seed ?? 'channelkit';
  const turns = new Map<string, number>(Object.entries(options.state?.roundRobin ?? {}));
  for (const [rule, turn] of turns) {
    if (!Number.isSafeInteger(turn) || turn < 0) {
      throw new ConfigurationError({
        option: `state.roundRobin.${rule}`,
        problem: 'must be a whole number, 0 or more',
      });
    }
  }
  const everyPlatform = [
    ...new Set([
      ...named.flatMap((rule) =>
        platformsOf(
          rule.kind === 'mainland' && rule.to === undefined
            ? (MAINLAND_CHINA_PLATFORMS as unknown as Partner[])
            : (rule.to as Target<Partner>),
        ),
      ),
      ...(options.fallback === undefined ? [] : platformsOf(options.fallback)),
    ]),
  ];

  /** Picks from a target among the available platforms; `undefined` when none is available. */
  function pick(
    name: string,
    target: Target<Partner>,
    available: ReadonlySet<Partner>,
    lead: RoutableLead,
  ): { partner: Partner; how: string; candidates: Partner[]; commit: () => void } | undefined {
    const candidates = platformsOf(target).filter((partner) => available.has(partner));
    const first = candidates[0];
    if (first === undefined) return undefined;
    if (typeof target === 'string' || isList(target)) {
      return {
        partner: first,
        how: isList(target) ? `first available of ${platformsOf(target).join(', ')}` : '',
        candidates,
        commit: () => {},
      };
    }
    if ('roundRobin' in target) {
      const turn = turns.get(name) ?? 0;
      const partner = candidates[turn % candidates.length] as Partner;
      return {
        partner,
        how: `round-robin turn ${turn + 1}, over ${candidates.join(', ')}`,
        candidates,
        commit: () => turns.set(name, turn + 1),
      };
    }
    const weights = candidates.map((partner) => target.weighted[partner] ?? 0);
    const total = weights.reduce((sum, weight) => sum + weight, 0);
    const point = draw(seed, lead) * total;
    let reached = 0;
    let chosen = first;
    for (const [index, partner] of candidates.entries()) {
      reached += weights[index] ?? 0;
      if (point < reached) {
        chosen = partner;
        break;
      }
    }
    const shares = candidates.map((partner, index) => `${partner} ${weights[index]}`).join(', ');
    return {
      partner: chosen,
      how: `weighted split (${shares}), drawn from the lead and the seed`,
      candidates,
      commit: () => {},
    };
  }

  function unavailableReason(
    target: Target<Partner>,
    available: ReadonlySet<Partner>,
    why: RouteLeadOptions<Partner>['unavailable'],
  ) {
    return platformsOf(target)
      .map(
        (partner) =>
          `${partner} ${why?.[partner] ?? (available.has(partner) ? 'is available' : 'is not among the platforms that can take leads')}`,
      )
      .join('; ');
  }

  return {
    rules: named,
    state: () => ({ roundRobin: Object.fromEntries(turns) }),
    route(lead, routeOptions = {}) {
      if (
        typeof lead !== 'object' ||
        lead === null ||
        typeof lead.customer !== 'object' ||
        lead.customer === null
      ) {
        throw new ValidationError({
          message: 'Invalid lead: customer: must be an object, e.g. { country: "CN" }',
          issues: [{ path: 'customer', message: 'must be an object' }],
        });
      }
      if (!Array.isArray(lead.products)) {
        throw new ValidationError({
          message: 'Invalid lead: products: must be a list, e.g. [{ code: "business" }]',
          issues: [{ path: 'products', message: 'must be a list' }],
        });
      }
      const available = new Set(routeOptions.partners ?? everyPlatform);
      const trace: LeadRuleTrace<Partner>[] = [];
      let decided: { partner: Partner; rule: string; sentence: string } | undefined;
      for (const rule of named) {
        if (decided) {
          trace.push({
            rule: rule.name,
            kind: rule.kind,
            outcome: 'not_reached',
            reason: `rule '${decided.rule}' decided first`,
            candidates: [],
          });
          continue;
        }
        const { matches, why } = evaluate(rule, lead);
        if (!matches) {
          trace.push({ rule: rule.name, kind: rule.kind, outcome: 'skipped', reason: why, candidates: [] });
          continue;
        }
        const target = (
          rule.kind === 'mainland' && rule.to === undefined
            ? (MAINLAND_CHINA_PLATFORMS as unknown as Partner[])
            : rule.to
        ) as Target<Partner>;
        const picked = pick(rule.name, target, available, lead);
        if (picked === undefined) {
          trace.push({
            rule: rule.name,
            kind: rule.kind,
            outcome: 'skipped',
            reason: `${why}, but no platform of ${describeTarget(target)} can take it (${unavailableReason(target, available, routeOptions.unavailable)})`,
            candidates: [],
          });
          continue;
        }
        picked.commit();
        trace.push({
          rule: rule.name,
          kind: rule.kind,
          outcome: 'chosen',
          reason: why,
          candidates: picked.candidates,
        });
        decided = {
          partner: picked.partner,
          rule: rule.name,
          sentence: `${why}${picked.how ? `; ${picked.how}` : ''}`,
        };
      }
      if (options.fallback !== undefined) {
        if (decided) {
          trace.push({
            rule: 'fallback',
            kind: 'fallback',
            outcome: 'not_reached',
            reason: `rule '${decided.rule}' decided first`,
            candidates: [],
          });
        } else {
          const picked = pick('fallback', options.fallback, available, lead);
          if (picked === undefined) {
            trace.push({
              rule: 'fallback',
              kind: 'fallback',
              outcome: 'skipped',
              reason: `no platform of ${describeTarget(options.fallback)} can take it (${unavailableReason(options.fallback, available, routeOptions.unavailable)})`,
              candidates: [],
            });
          } else {
            picked.commit();
            trace.push({
              rule: 'fallback',
              kind: 'fallback',
              outcome: 'chosen',
              reason: 'no rule took the lead',
              candidates: picked.candidates,
            });
            decided = {
              partner: picked.partner,
              rule: 'fallback',
              sentence: `no rule took the lead${picked.how ? `; ${picked.how}` : ''}`,
            };
          }
        }
      }
      if (!decided) throw new LeadRoutingError({ leadId: lead.id, trace });
      const skipped = trace
        .filter((entry) => entry.outcome === 'skipped')
        .map((entry) => `'${entry.rule}' (${entry.reason})`);
      const explanation =
        `Routed to ${decided.partner} by ${decided.rule === 'fallback' ? 'the fallback' : `rule '${decided.rule}'`}: ${decided.sentence}.` +
        (skipped.length > 0 ? ` Skipped: ${skipped.join('; ')}.` : '');
      return { partner: decided.partner, rule: decided.rule, explanation, trace };
    },
  };
}
