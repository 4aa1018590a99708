import { z } from 'zod';
import { checkUnifiedSocialCreditCode } from './check-unified-social-credit-code';

/**
 * A Unified Social Credit Code (统一社会信用代码). Input is trimmed and upper-cased and the output is the normalised
 * code; a code that breaks a rule of {@link checkUnifiedSocialCreditCode} fails with that rule's message.
 *
 * @example
 * ```ts
 * unifiedSocialCreditCodeSchema.parse('91350100m000100y43'); // '91350100M000100Y43'
 * ```
 */
export const unifiedSocialCreditCodeSchema = z
  .string({ error: (issue) => (issue.input === undefined ? 'is required' : 'must be a string') })
  .transform((value, context) => {
    const result = checkUnifiedSocialCreditCode(value);
    if (result.valid) return result.code;
    context.issues.push({
      code: 'custom',
      input: value,
      message: result.message,
      params: { rule: result.rule },
    });
    return z.NEVER;
  });

/** A normalised 18-character Unified Social Credit Code. */
export type UnifiedSocialCreditCode = z.infer<typeof unifiedSocialCreditCodeSchema>;
