import { z } from 'zod';
import { schemaFor } from '../internal/schema-check';
import { reportedText } from '../internal/text';
import { emailSchema } from '../primitives/email';
import { isoDateTimeSchema } from '../primitives/iso-date';
import { type PartnerId, partnerIdSchema } from '../primitives/partner-id';
import { type AccountStatus, accountStatusSchema } from './account-status';
import { enterpriseProfileShape, type PartialEnterpriseProfile } from './enterprise-profile';

/** The owner of an enterprise account, as the platform reports it. */
export interface AccountOwner {
  /** Owner's e-mail address. */
  email: string;
  /** Owner's given name, when the platform reports it. */
  firstName?: string | undefined;
  /** Owner's family name, when the platform reports it. */
  lastName?: string | undefined;
}

/** An enterprise customer account as a platform reports it. Match accounts by `partner` and `id`. */
export interface EnterpriseAccount {
  /** The platform holding the account, e.g. `'zoom'`. */
  partner: PartnerId;
  /** The platform's id of the account, unique within that platform only. */
  id: string;
  /** Display name, usually the legal name given at provisioning (1–1000 characters). */
  name: string;
  /** Lifecycle state: `provisioning`, `pending_verification`, `active`, `suspended`, `closed` or `failed`. */
  status: AccountStatus;
  /** Your own identifier, as given at provisioning (where the platform stores or echoes it). */
  externalId?: string | undefined;
  /**
   * Further platform identifiers (e.g. a Zoom account number) by name. They are references that may change, not
   * keys: match accounts by `partner` and `id`.
   */
  externalRefs: Record<string, string>;
  /** What the platform knows of the customer's profile; any field may be missing. */
  profile?: PartialEnterpriseProfile | undefined;
  /** The account owner, when the platform reports one. */
  owner?: AccountOwner | undefined;
  /** When the account was created, an RFC 3339 timestamp. */
  createdAt: string;
  /** When the account last changed, an RFC 3339 timestamp. */
  updatedAt?: string | undefined;
}

/** Validates an {@link EnterpriseAccount}; the client checks every account an adapter returns with it. */
export const enterpriseAccountSchema = schemaFor<EnterpriseAccount>()(
  z.object({
    partner: partnerIdSchema,
    id: z.string().min(1, 'must not be empty'),
    name: reportedText(1, 1000),
    status: accountStatusSchema,
    externalId: reportedText(1, 1000).optional(),
    externalRefs: z.record(z.string(), z.string()),
    profile: enterpriseProfileShape.partial().optional(),
    owner: z
      .object({
        email: emailSchema,
        firstName: reportedText(0, 1000).optional(),
        lastName: reportedText(0, 1000).optional(),
      })
      .optional(),
    createdAt: isoDateTimeSchema,
    updatedAt: isoDateTimeSchema.optional(),
  }),
);
