import type { Random } from '../internal/prng';
import type { RequestCategory, SandboxPlatformName } from '../sandbox-result';
import type { Fault, FaultRule } from './fault-rule';

/** What a request looks like to the fault rules. */
export interface FaultTarget {
  readonly platform: SandboxPlatformName | undefined;
  readonly category: RequestCategory | undefined;
  readonly method: string;
  readonly path: string;
}

/** The faults chosen for one request. */
export interface FaultPlan {
  /** Total added latency, milliseconds. */
  readonly latencyMs: number;
  /** The first non-latency fault injected before processing, if any. */
  readonly before: Exclude<Fault, { kind: 'latency' }> | undefined;
  /** The first non-latency fault injected after processing, if any. */
  readonly after: Exclude<Fault, { kind: 'latency' }> | undefined;
}

interface ActiveRule {
  readonly rule: FaultRule;
  applied: number;
}

/** Holds the fault rules and decides, deterministically for a seed, which ones hit a request. */
export class FaultEngine {
  readonly #random: Random;
  #rules: ActiveRule[] = [];

  constructor(random: Random, rules: readonly FaultRule[] = []) {
    this.#random = random;
    for (const rule of rules) this.add(rule);
  }

  add(rule: FaultRule): void {
    const probability = rule.probability ?? 1;
    if (!(probability >= 0 && probability <= 1))
      throw new RangeError('fault probability must be within 0..1');
    if (rule.times !== undefined && !(Number.isInteger(rule.times) && rule.times >= 0)) {
      throw new RangeError('fault times must be a non-negative integer');
    }
    this.#rules.push({ rule, applied: 0 });
  }

  clear(): void {
    this.#rules = [];
  }

  plan(target: FaultTarget): FaultPlan {
    let latencyMs = 0;
    let before: FaultPlan['before'];
    let after: FaultPlan['after'];
    for (const active of this.#rules) {
      const { rule } = active;
      if (!matches(rule, target)) continue;
      if (rule.times !== undefined && active.applied >= rule.times) continue;
      const { fault } = rule;
      // A rule that could not change the outcome does not consume a draw or one of its `times`.
      if (fault.kind !== 'latency' && (rule.when === 'after' ? after : before)) continue;
      const probability = rule.probability ?? 1;
      if (probability < 1 && this.#random() >= probability) continue;
      active.applied += 1;
      if (fault.kind === 'latency') latencyMs += fault.ms;
      else if (rule.when === 'after') after = fault;
      else before = fault;
    }
    return { latencyMs, before, after };
  }
}

function matches(rule: FaultRule, target: FaultTarget): boolean {
  if (rule.platform !== undefined && rule.platform !== target.platform) return false;
  if (rule.category !== undefined && rule.category !== target.category) return false;
  if (rule.method !== undefined && rule.method.toUpperCase() !== target.method) return false;
  if (rule.path === undefined) return true;
  if (typeof rule.path === 'string') return rule.path === target.path;
  rule.path.lastIndex = 0;
  return rule.path.test(target.path);
}
