import { isRecord } from '../internal/json';
import type { FieldError } from './zoom-responses';
import type { ZoomCustomAttribute } from './zoom-wire-types';

/** Zoom United plan types a user can hold (`plan_united_type`), a bit mask as a string. */
const PLAN_UNITED_TYPES = [
  '1',
  '2',
  '4',
  '8',
  '16',
  '32',
  '64',
  '128',
  '256',
  '512',
  '1024',
  '2048',
  '4096',
  '8192',
  '16384',
  '32768',
  '65536',
  '131072',
] as const;

/** A Zoom United plan type. */
export type PlanUnitedType = (typeof PLAN_UNITED_TYPES)[number];

/** One of a user's phone numbers. */
export interface PhoneNumber {
  code?: string;
  country?: string;
  label?: 'Mobile' | 'Office' | 'Home' | 'Fax';
  number?: string;
}

/** A licence assigned to a user through `license_info_list`. */
export interface LicenceInfo {
  license_type: 'MEETING' | 'ZOOM_WORKPLACE_BUNDLE';
  license_option: number;
  subscription_id: string;
}

/**
 * The documented fields of `PATCH /users/{userId}` besides `first_name`, `last_name`, `type` and `pmi` (which the
 * user record holds itself), by wire name, as Zoom's users API reference and `@zoom/rivet`'s
 * `UsersUpdateUserRequestBody` list them.
 */
export interface UserProfile {
  display_name?: string;
  dept?: string;
  company?: string;
  job_title?: string;
  location?: string;
  language?: string;
  cost_center?: string;
  manager?: string;
  phone_country?: string;
  phone_number?: string;
  phone_numbers?: PhoneNumber[];
  pronouns?: string;
  pronouns_option?: 1 | 2 | 3;
  cms_user_id?: string;
  timezone?: string;
  use_pmi?: boolean;
  host_key?: string;
  vanity_name?: string;
  about_me?: string;
  linkedin_url?: string;
  group_id?: string;
  division_ids?: string[];
  custom_attributes?: ZoomCustomAttribute[];
  feature?: { zoom_phone?: boolean };
  zoom_one_type?: number;
  plan_united_type?: PlanUnitedType;
  license_info_list?: LicenceInfo[];
}

/** What a parser answers for a value of the wrong shape. */
const INVALID = Symbol('invalid');
type Parsed<T> = T | typeof INVALID;
type Parser<T> = (value: unknown) => Parsed<T>;

const string: Parser<string> = (value) => (typeof value === 'string' ? value : INVALID);
const boolean: Parser<boolean> = (value) => (typeof value === 'boolean' ? value : INVALID);

function oneOf<const T>(values: readonly T[]): Parser<T> {
  return (value) => (values.includes(value as T) ? (value as T) : INVALID);
}

function matching(pattern: RegExp): Parser<string> {
  return (value) => (typeof value === 'string' && pattern.test(value) ? value : INVALID);
}

function arrayOf<T>(item: Parser<T>): Parser<T[]> {
  return (value) => {
    if (!Array.isArray(value)) return INVALID;
    const items: T[] = [];
    for (const entry of value) {
      const parsed = item(entry);
      if (parsed === INVALID) return INVALID;
      items.push(parsed);
    }
    return items;
  };
}

/** The parser of `key`, own properties only (a body's `__proto__` or `toString` is no field). */
function parserOf(fields: object, key: string): Parser<unknown> | undefined {
  return Object.hasOwn(fields, key) ? (fields as Record<string, Parser<unknown>>)[key] : undefined;
}

/** An object whose every present field passes its parser; unknown fields make it invalid. */
function objectOf<T extends object>(fields: { [K in keyof T]-?: Parser<NonNullable<T[K]>> }): Parser<T> {
  return (value) => {
    if (!isRecord(value)) return INVALID;
    const result: Record<string, unknown> = {};
    for (const [key, entry] of Object.entries(value)) {
      const parse = parserOf(fields, key);
      if (!parse) return INVALID;
      const parsed = parse(entry);
      if (parsed === INVALID) return INVALID;
      result[key] = parsed;
    }
    return result as T;
  };
}

/** An object with `required` fields that must be present. */
function withRequired<T extends object>(parser: Parser<T>, required: readonly (keyof T)[]): Parser<T> {
  return (value) => {
    const parsed = parser(value);
    return parsed !== INVALID && required.every((key) => key in parsed) ? parsed : INVALID;
  };
}

const customAttribute = objectOf<ZoomCustomAttribute>({ key: string, name: string, value: string });
const phoneNumber = objectOf<PhoneNumber>({
  code: string,
  country: string,
  label: oneOf(['Mobile', 'Office', 'Home', 'Fax'] as const),
  number: string,
});
const licenceInfo = withRequired(
  objectOf<LicenceInfo>({
    license_type: oneOf(['MEETING', 'ZOOM_WORKPLACE_BUNDLE'] as const),
    license_option: (value) => (Number.isSafeInteger(value) ? (value as number) : INVALID),
    subscription_id: string,
  }),
  ['license_type', 'license_option', 'subscription_id'],
);

const PROFILE_FIELDS: { [K in keyof UserProfile]-?: Parser<NonNullable<UserProfile[K]>> } = {
  display_name: string,
  dept: string,
  company: string,
  job_title: string,
  location: string,
  language: string,
  cost_center: string,
  manager: string,
  phone_country: string,
  phone_number: string,
  phone_numbers: arrayOf(phoneNumber),
  pronouns: string,
  pronouns_option: oneOf([1, 2, 3] as const),
  cms_user_id: string,
  timezone: string,
  use_pmi: boolean,
  // "A 6-10 digit number" (Zoom's users API reference).
  host_key: matching(/^\d{6,10}$/),
  vanity_name: string,
  about_me: string,
  linkedin_url: string,
  group_id: string,
  division_ids: arrayOf(string),
  custom_attributes: arrayOf(customAttribute),
  feature: objectOf<{ zoom_phone?: boolean }>({ zoom_phone: boolean }),
  zoom_one_type: (value) =>
    Number.isSafeInteger(value) && (value as number) >= 0 ? (value as number) : INVALID,
  plan_united_type: oneOf(PLAN_UNITED_TYPES),
  license_info_list: arrayOf(licenceInfo),
};

/** The fields of a `PATCH /users/{userId}` body, read and checked. */
export interface UserPatch {
  firstName?: string;
  lastName?: string;
  type?: unknown;
  /** Personal meeting id: ten digits. */
  pmi?: number;
  profile: UserProfile;
  /** `plan_united_type: 'none'`: the user's Zoom United plan is removed. */
  removePlanUnited: boolean;
}

/**
 * Reads a `PATCH /users/{userId}` body: every documented field may come alone. A field of the wrong shape is a
 * validation error; so is an undocumented one (Zoom does not say what it does with those, and the sandbox refuses
 * them so that a misspelt field cannot pass unnoticed). `type` is returned as sent, for the caller's licence rules.
 */
export function readUserPatch(body: Record<string, unknown>, errors: FieldError[]): UserPatch {
  const patch: UserPatch = { profile: {}, removePlanUnited: false };
  // Filled field by field from the parsers above, each typed for its field.
  const profile = patch.profile as Record<string, unknown>;
  for (const [field, value] of Object.entries(body)) {
    switch (field) {
      case 'type':
        patch.type = value;
        continue;
      case 'first_name':
      case 'last_name':
        if (typeof value !== 'string' || value.length > 64) {
          errors.push({ field, message: `${field} must be a string of at most 64 characters.` });
        } else if (field === 'first_name') patch.firstName = value;
        else patch.lastName = value;
        continue;
      case 'pmi':
        // "Personal meeting ID: length must be 10."
        if (Number.isSafeInteger(value) && String(value).length === 10) patch.pmi = value as number;
        else errors.push({ field, message: 'pmi must be a 10-digit number.' });
        continue;
      case 'plan_united_type':
        if (value === 'none') {
          patch.removePlanUnited = true;
          continue;
        }
        break;
    }
    const parse = parserOf(PROFILE_FIELDS, field);
    if (!parse) {
      errors.push({ field, message: `${field} is not a field of this API.` });
      continue;
    }
    const parsed = parse(value);
    if (parsed === INVALID) errors.push({ field, message: `${field} has an invalid value.` });
    else profile[field] = parsed;
  }
  return patch;
}
