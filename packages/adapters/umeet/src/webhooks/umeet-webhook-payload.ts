import { isoDateSchema } from '@channelkit/types';
import { z } from 'zod';
import {
  leadIdSchema,
  leadStatusSchema,
  registrationIdSchema,
  registrationStatusSchema,
} from '../internal/referral-wire-schemas';

const id = z.string().min(1).max(200);
const umeetStatus = z.enum([
  'provisioning',
  'pending_verification',
  'active',
  'suspended',
  'terminated',
  'rejected',
]);

/**
 * An Umeet event (contract v1): `{ id, type, created_at, data }`. Unknown members are kept, so new fields never fail
 * a delivery.
 */
export const umeetEventSchema = z.looseObject({
  id,
  type: z.string().min(1).max(200),
  created_at: z.iso.datetime({ offset: true }),
  data: z.looseObject({ account_id: id.optional() }),
});

/** A parsed Umeet event. */
export type UmeetEvent = z.infer<typeof umeetEventSchema>;

/** The `data` of an `account.*` event: the account, its status after the change and, when known, before it. */
export const umeetAccountEventDataSchema = z.looseObject({
  account_id: id,
  status: umeetStatus.optional(),
  previous_status: umeetStatus.optional(),
});

const statusReason = z.string().max(10_000).nullish();

/**
 * The `data` of `deal_registration.status_changed`: a deal registration the partner submitted moved from
 * `previous_status` to `status` (e.g. approved by Systec's reviewers); `status_reason` says why it was returned,
 * rejected, withdrawn or lost. Read as the referral change it reports.
 */
export const umeetRegistrationEventDataSchema = z
  .looseObject({
    deal_registration_id: registrationIdSchema,
    status: registrationStatusSchema,
    previous_status: registrationStatusSchema,
    status_reason: statusReason,
  })
  .transform((data) => ({
    referralId: data.deal_registration_id,
    status: data.status,
    previousStatus: data.previous_status,
  }));

/**
 * The `data` of `lead.offered`: Systec offered the partner a new lead (`status` `offered`), to be answered by
 * `respond_by`. Read as the referral change it reports.
 */
export const umeetLeadOfferedDataSchema = z
  .looseObject({ lead_id: leadIdSchema, status: leadStatusSchema, respond_by: isoDateSchema.nullish() })
  .transform((data) => ({ referralId: data.lead_id, status: data.status }));

/**
 * The `data` of `lead.status_changed`: a lead moved from `previous_status` to `status` (accepted, converted, ...).
 * Read as the referral change it reports.
 */
export const umeetLeadEventDataSchema = z
  .looseObject({
    lead_id: leadIdSchema,
    status: leadStatusSchema,
    previous_status: leadStatusSchema,
    status_reason: statusReason,
  })
  .transform((data) => ({
    referralId: data.lead_id,
    status: data.status,
    previousStatus: data.previous_status,
  }));
