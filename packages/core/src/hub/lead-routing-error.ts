import { ChannelError, type ChannelErrorCode } from '../errors/channel-error';
import type { LeadRuleTrace } from './lead-rules';

/**
 * No rule of a lead router matched a lead (or none had a platform able to take it) and the router has no fallback.
 * The fix is in the rules: add one that covers the lead, or a `fallback`. `trace` says why each rule was skipped.
 */
export class LeadRoutingError extends ChannelError {
  override readonly name: string = 'LeadRoutingError';
  // A gap in the routing rules: fixed by configuration, not by repeating the call.
  override readonly code: ChannelErrorCode = 'configuration_error';
  /** The lead's id, when it has one. */
  readonly leadId: string | undefined;
  /** Every rule with the reason it was skipped. */
  readonly trace: readonly LeadRuleTrace[];

  /** Creates the error. */
  constructor(options: { leadId: string | undefined; trace: readonly LeadRuleTrace[] }) {
    const reasons = options.trace.map((entry) => `'${entry.rule}': ${entry.reason}`).join('; ');
    super(
      `No routing rule takes lead ${options.leadId === undefined ? '(without id)' : `'${options.leadId}'`} and the ` +
        `router has no fallback (${reasons || 'no rules'}). Add a rule that covers it, or a fallback platform.`,
    );
    this.leadId = options.leadId;
    this.trace = options.trace;
  }
}
