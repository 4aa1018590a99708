import { z } from 'zod';
import { text } from '../internal/text';
import { countryCodeSchema } from '../primitives/country-code';

/** A postal address; Chinese characters are allowed in every line. */
export const postalAddressSchema = z.object({
  /** First address line, 1–200 characters. */
  line1: text(1, 200),
  /** Second address line, 1–200 characters. */
  line2: text(1, 200).optional(),
  /** City, 1–100 characters. */
  city: text(1, 100),
  /** Province, state or region, 1–100 characters. */
  region: text(1, 100).optional(),
  /** Postal code, 1–20 characters. */
  postalCode: text(1, 20).optional(),
  /** ISO 3166-1 alpha-2 country code. */
  country: countryCodeSchema,
});

/** A postal address: `{ line1, line2?, city, region?, postalCode?, country }`. */
export type PostalAddress = z.infer<typeof postalAddressSchema>;
