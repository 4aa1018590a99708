import { z } from 'zod';

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
