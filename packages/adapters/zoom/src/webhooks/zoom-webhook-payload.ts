import { z } from 'zod';

const id = z.string().min(1).max(200);

/**
 * The envelope of every Zoom event notification: `event`, `event_ts` (milliseconds since the epoch) and a `payload`
 * with the `account_id` it concerns and the changed `object`. Unknown members are kept, so new fields never fail a
 * delivery.
 */
export const zoomEnvelopeSchema = z.looseObject({
  event: z.string().min(1).max(200),
  event_ts: z.number().int().nonnegative().max(8_640_000_000_000_000),
  event_id: id.optional(),
  payload: z.looseObject({
    account_id: id.optional(),
    // Meeting and webinar objects have numeric ids.
    object: z.looseObject({ id: z.union([id, z.number()]).optional() }).optional(),
  }),
});

/** A parsed Zoom event notification. */
export type ZoomEnvelope = z.infer<typeof zoomEnvelopeSchema>;

/** Zoom's `endpoint.url_validation` challenge. */
export const zoomUrlValidationSchema = z.object({
  event: z.literal('endpoint.url_validation'),
  payload: z.looseObject({ plainToken: z.string().min(1).max(1000) }),
});

/** `account.created`: a sub-account was created under the master (`object{id, owner_id, email}`). */
export const zoomAccountCreatedSchema = z.looseObject({
  id,
  owner_id: z.string().optional(),
  email: z.string().optional(),
});

/** `account.updated`: an account's profile changed (`object{id, account_name, ...}`, previous values in `old_object`). */
export const zoomAccountUpdatedSchema = z.looseObject({
  id,
  account_name: z.string().optional(),
});

/** `account.disassociated`: a sub-account was disassociated from the master (`object{id, owner_id, owner_email}`). */
export const zoomAccountDisassociatedSchema = z.looseObject({
  id,
  owner_id: z.string().optional(),
  owner_email: z.string().optional(),
});

/**
 * `commerce.account_status_changed`: an end customer's asynchronous creation moved on (`payload.account` with
 * `create_reference_id`, `crm_account_number` and `status`: `success`, `partial success`, `failure`, `submitted`,
 * `in review`).
 */
export const zoomCommerceAccountStatusSchema = z.looseObject({
  create_reference_id: z.string().min(1).max(200).optional(),
  crm_account_number: z.string().min(1).max(200).optional(),
  status: z.string().min(1).max(100),
});
