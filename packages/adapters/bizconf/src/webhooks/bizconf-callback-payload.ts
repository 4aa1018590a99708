import { z } from 'zod';
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
