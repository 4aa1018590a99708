import { z } from 'zod';
import { schemaFor } from '../internal/schema-check';
import { text } from '../internal/text';
import { countryCodeSchema } from '../primitives/country-code';

/** A postal address; Chinese characters are allowed in every line. Lengths count UTF-16 code units. */
export interface PostalAddress {
  /** First address line, 1–200 characters, e.g. `'浦东新区世纪大道 100 号'`. */
  line1: string;
  /** Second address line (building, floor, unit), 1–200 characters. */
  line2?: string | undefined;
  /** City, 1–100 characters. */
  city: string;
  /** Province, state or region, 1–100 characters. */
  region?: string | undefined;
  /** Postal code, 1–20 characters. */
  postalCode?: string | undefined;
  /** ISO 3166-1 alpha-2 country code, upper-cased on parsing, e.g. `'CN'`. */
  country: string;
}

/** Validates and normalises a {@link PostalAddress}: lines trimmed, country upper-cased. */
export const postalAddressSchema = schemaFor<PostalAddress>()(
  z.object({
    line1: text(1, 200),
    line2: text(1, 200).optional(),
    city: text(1, 100),
    region: text(1, 100).optional(),
    postalCode: text(1, 20).optional(),
    country: countryCodeSchema,
  }),
);
