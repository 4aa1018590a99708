import { isoDateSchema } from '@channelkit/types';
import { z } from 'zod';
import {
  leadIdSchema,
  leadStatusSchema,
  opportunityIdSchema,
  opportunityStatusSchema,
} from '../internal/referral-wire-schemas';
import { enterpriseStatusSchema, licenceSchema } from '../internal/wire-schemas';

const id = z.string().min(1).max(200);

/**
 * A Bizconf callback (contract v1): `{ eventId, eventType, occurTime: 'yyyy-MM-dd HH:mm:ss' (Beijing time), data }`.
 * Unknown members are kept, so new fields never fail a delivery.
 */
export const bizconfCallbackSchema = z.looseObject({
  eventId: id,
  eventType: z.string().min(1).max(200),
  occurTime: z.string().regex(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/, 'must be yyyy-MM-dd HH:mm:ss'),
  data: z.looseObject({}),
});

/** A parsed Bizconf callback. */
export type BizconfCallback = z.infer<typeof bizconfCallbackSchema>;

/** `ENTERPRISE_CREATED`: a provisioning task succeeded. */
export const enterpriseCreatedSchema = z.looseObject({
  enterpriseId: id,
  taskId: id.optional(),
  bizNo: id.optional(),
});

/** `ENTERPRISE_STATUS_CHANGED`: an enterprise moved from `previousStatus` to `status`. */
export const enterpriseStatusChangedSchema = z.looseObject({
  enterpriseId: id,
  status: enterpriseStatusSchema,
  previousStatus: enterpriseStatusSchema.optional(),
});

/** `LICENCE_CHANGED` and `LICENCE_RENEWED`: the enterprise and its licence as `GET .../licence` answers it. */
export const licenceCallbackSchema = z.looseObject({
  enterpriseId: id,
  licence: licenceSchema,
});

const reason = z.string().max(10_000).nullish();

/**
 * `OPPORTUNITY_STATUS_CHANGED`: an opportunity (a deal registration the partner made) moved from `previousStatus` to
 * `status`, e.g. approved by Bizconf's reviewers; `reason` says why it was returned, rejected, withdrawn or lost.
 * Read as the referral change it reports.
 */
export const opportunityStatusChangedSchema = z
  .looseObject({
    opportunityId: opportunityIdSchema,
    bizNo: id.optional(),
    status: opportunityStatusSchema,
    previousStatus: opportunityStatusSchema,
    reason,
  })
  .transform(({ opportunityId, status, previousStatus }) => ({
    referralId: opportunityId,
    status,
    previousStatus,
  }));

/**
 * `LEAD_ASSIGNED`: Bizconf assigned the partner a new lead (`status` `ASSIGNED`), to be answered by `deadline`. Read as
 * the referral change it reports.
 */
export const leadAssignedSchema = z
  .looseObject({ leadId: leadIdSchema, status: leadStatusSchema, deadline: isoDateSchema.nullish() })
  .transform(({ leadId, status }) => ({ referralId: leadId, status }));

/**
 * `LEAD_STATUS_CHANGED`: a lead moved from `previousStatus` to `status` (accepted, refused, won, lost, recalled...).
 * Read as the referral change it reports.
 */
export const leadStatusChangedSchema = z
  .looseObject({ leadId: leadIdSchema, status: leadStatusSchema, previousStatus: leadStatusSchema, reason })
  .transform(({ leadId, status, previousStatus }) => ({ referralId: leadId, status, previousStatus }));
