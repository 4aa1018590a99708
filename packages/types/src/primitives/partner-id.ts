import type { z } from 'zod';
import { oneOf } from '../internal/text';

/** Every platform channelkit talks to: Zoom, and the platforms that embed Zoom (Bizconf, Suirui Zhumu, Systec Umeet). */
export const PARTNER_IDS = ['zoom', 'bizconf', 'zhumu', 'umeet'] as const;

/** A platform identifier, one of {@link PARTNER_IDS}. */
export const partnerIdSchema = oneOf(PARTNER_IDS);

/** A platform identifier: `'zoom' | 'bizconf' | 'zhumu' | 'umeet'`. */
export type PartnerId = z.infer<typeof partnerIdSchema>;
