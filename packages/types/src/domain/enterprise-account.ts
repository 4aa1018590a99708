import { z } from 'zod';
import { emailSchema } from '../primitives/email';
import { isoDateTimeSchema } from '../primitives/iso-date';
import { partnerIdSchema } from '../primitives/partner-id';
import { accountStatusSchema } from './account-status';
import { enterpriseProfileShape } from './enterprise-profile';

/** An enterprise customer account as a platform reports it. */
export const enterpriseAccountSchema = z.object({
  /** The platform holding the account. */
  partner: partnerIdSchema,
  /** The platform's id of the account, unique within that platform only. */
  id: z.string().min(1, 'must not be empty'),
  /** Display name. */
  name: z.string().min(1, 'must not be empty'),
  /** Lifecycle state. */
  status: accountStatusSchema,
  /** Your own identifier, as given at provisioning. */
  externalId: z.string().min(1, 'must not be empty').optional(),
  /**
   * Further platform identifiers (e.g. a Zoom sub-account number) by name. They are references that may change,
   * not keys: match accounts by `partner` and `id`.
   */
  externalRefs: z.record(z.string(), z.string()),
  /** What the platform knows of the customer's profile. */
  profile: enterpriseProfileShape.partial().optional(),
  /** The account owner. */
  owner: z
    .object({
      /** Owner's e-mail address. */
      email: emailSchema,
      /** Owner's given name. */
      firstName: z.string().optional(),
      /** Owner's family name. */
      lastName: z.string().optional(),
    })
    .optional(),
  /** When the account was created. */
  createdAt: isoDateTimeSchema,
  /** When the account last changed. */
  updatedAt: isoDateTimeSchema.optional(),
});

/** An enterprise customer account. */
export type EnterpriseAccount = z.infer<typeof enterpriseAccountSchema>;
