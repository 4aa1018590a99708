import { empty, isRecord, json, readJsonObject } from '../internal/json';
import type { ZoomCall } from './zoom-api';
import type { ZoomUserStatus, ZoomUserType } from './zoom-controls';
import {
  emailInUse,
  type FieldError,
  invalidBody,
  invalidPageToken,
  noFreeLicence,
  validationFailed,
  zoomError,
} from './zoom-responses';
import { type AccountRecord, type UserRecord, zoomTime } from './zoom-store';
import { readUserPatch, type UserProfile } from './zoom-user-profile';
import { readPaging, requireEmail } from './zoom-validation';
import type {
  ZoomCreatedUserAnswer,
  ZoomListedUser,
  ZoomUserAnswer,
  ZoomUserListAnswer,
} from './zoom-wire-types';

// Users of a sub-account, under `/accounts/{accountId}/users`: the Users API, scoped to the sub-account as the
// Master Account API allows (https://developers.zoom.us/docs/api/users/).

const CREATE_ACTIONS = ['create', 'custCreate', 'autoCreate', 'ssoCreate'];
const USER_TYPES: readonly ZoomUserType[] = [1, 2, 4, 99];
const USER_STATUSES: readonly ZoomUserStatus[] = ['active', 'pending', 'inactive'];
const INCLUDE_FIELDS = ['custom_attributes', 'host_key'] as const;
const LICENCES = ['zoom_workforce_management', 'zoom_compliance_management'] as const;
const TYPE_MESSAGE =
  'type must be 1 (Basic), 2 (Licensed), 4 (Unassigned without Meetings Basic) or 99 (None).';
const NONE_MESSAGE = 'type 99 (None) can only be set when the user is created with ssoCreate.';

function isUserType(value: unknown): value is ZoomUserType {
  return USER_TYPES.includes(value as ZoomUserType);
}

function userNotFound(userId: string): Response {
  return zoomError(404, 1001, `User does not exist: ${userId}.`);
}

function displayName(user: UserRecord): string | undefined {
  return user.profile.display_name ?? (`${user.firstName} ${user.lastName}`.trim() || undefined);
}

/** `T` with `undefined` allowed for its optional fields, which {@link withDefined} then leaves out. */
type Sparse<T> = { [K in keyof T]: object extends Pick<T, K> ? T[K] | undefined : T[K] };

/** The answer without its `undefined` fields: Zoom leaves out what a user does not have. */
function withDefined<T extends object>(value: Sparse<T>): T {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as T;
}

// --- POST /accounts/{accountId}/users ---------------------------------------------------------------------------

/** `POST /users`: `action` decides whether the user starts pending (`create`, an invitation) or active. */
export async function createUser({ store, request }: ZoomCall, account: AccountRecord): Promise<Response> {
  const body = await readJsonObject(request);
  if (!body) return invalidBody();
  const errors: FieldError[] = [];
  if (typeof body.action !== 'string' || !CREATE_ACTIONS.includes(body.action)) {
    errors.push({ field: 'action', message: `action must be one of ${CREATE_ACTIONS.join(', ')}.` });
  }
  const info = isRecord(body.user_info) ? body.user_info : undefined;
  if (!info) errors.push({ field: 'user_info', message: 'user_info is required.' });
  requireEmail(info?.email, 'user_info.email', errors);
  const type = info?.type;
  if (!isUserType(type)) errors.push({ field: 'user_info.type', message: TYPE_MESSAGE });
  else if (type === 99 && body.action !== 'ssoCreate') {
    errors.push({ field: 'user_info.type', message: NONE_MESSAGE });
  }
  for (const field of ['first_name', 'last_name']) {
    const value = info?.[field];
    if (value !== undefined && (typeof value !== 'string' || value.length > 64)) {
      errors.push({
        field: `user_info.${field}`,
        message: `${field} must be a string of at most 64 characters.`,
      });
    }
  }
  if (errors.length > 0 || !info || !isUserType(type)) return validationFailed(errors);

  const email = info.email as string;
  if (store.findUserByEmail(account, email)) return emailInUse(email);
  if (type === 2 && !store.hasFreeLicence(account)) return noFreeLicence();
  const user = store.insertUser(account, {
    email,
    firstName: typeof info.first_name === 'string' ? info.first_name : '',
    lastName: typeof info.last_name === 'string' ? info.last_name : '',
    type,
    status: body.action === 'create' ? 'pending' : 'active',
  });
  return json(201, {
    id: user.id,
    email: user.email,
    first_name: user.firstName,
    last_name: user.lastName,
    type: user.type,
  } satisfies ZoomCreatedUserAnswer);
}

// --- GET /accounts/{accountId}/users ----------------------------------------------------------------------------

type IncludeField = (typeof INCLUDE_FIELDS)[number];
type Licence = (typeof LICENCES)[number];

function listedUser(user: UserRecord, include: IncludeField | undefined): ZoomListedUser {
  const { profile } = user;
  return withDefined<ZoomListedUser>({
    id: user.id,
    email: user.email,
    first_name: user.firstName,
    last_name: user.lastName,
    display_name: displayName(user),
    type: user.type,
    status: user.status,
    pmi: user.pmi,
    timezone: profile.timezone,
    dept: profile.dept,
    role_id: user.role.id,
    verified: user.status === 'pending' ? 0 : 1,
    created_at: zoomTime(user.createdAt),
    user_created_at: zoomTime(user.createdAt),
    plan_united_type: profile.plan_united_type,
    custom_attributes: include === 'custom_attributes' ? (profile.custom_attributes ?? []) : undefined,
    host_key: include === 'host_key' ? profile.host_key : undefined,
  });
}

/**
 * Zoom Workforce Management and Zoom Compliance Management are add-on licences the sandbox does not sell, so no
 * sandbox user holds one: the `license` filter is applied, and it matches nobody.
 */
function holdsLicence(_user: UserRecord, _licence: Licence): boolean {
  return false;
}

/**
 * `GET /users`: `status` (default `active`), `role_id`, `license` filter; `include_fields` adds custom attributes or
 * host keys; paged by `next_page_token` or the deprecated `page_number`.
 */
export function listUsers({ store, url }: ZoomCall, account: AccountRecord): Response {
  const params = url.searchParams;
  const errors: FieldError[] = [];
  const status = (params.get('status') || 'active') as ZoomUserStatus;
  if (!USER_STATUSES.includes(status)) {
    errors.push({ field: 'status', message: 'status must be active, pending or inactive.' });
  }
  const include = params.get('include_fields') || undefined;
  if (include !== undefined && !INCLUDE_FIELDS.includes(include as IncludeField)) {
    errors.push({
      field: 'include_fields',
      message: `include_fields must be ${INCLUDE_FIELDS.join(' or ')}.`,
    });
  }
  const licence = params.get('license') || undefined;
  if (licence !== undefined && !LICENCES.includes(licence as Licence)) {
    errors.push({ field: 'license', message: `license must be ${LICENCES.join(' or ')}.` });
  }
  const roleId = params.get('role_id') || undefined;
  const paging = readPaging(url, errors);
  if (errors.length > 0) return validationFailed(errors);

  const users = [...account.users.values()].filter(
    (user) =>
      user.status === status &&
      (roleId === undefined || user.role.id === roleId) &&
      (licence === undefined || holdsLicence(user, licence as Licence)),
  );
  // The filters are part of the scope: a token given by one listing is refused by another.
  const scope = `users:${account.id}:${status}:${roleId ?? ''}:${licence ?? ''}`;
  const page = store.page(scope, users, paging.size, paging);
  if (!page) return invalidPageToken();
  return json(200, {
    page_count: Math.ceil(users.length / paging.size),
    page_number: page.pageNumber,
    page_size: paging.size,
    total_records: users.length,
    next_page_token: page.nextPageToken,
    users: page.items.map((user) => listedUser(user, include as IncludeField | undefined)),
  } satisfies ZoomUserListAnswer);
}

// --- GET /accounts/{accountId}/users/{userId} -------------------------------------------------------------------

/** Profile fields `GET /users/{userId}` returns as they were set. */
const RETURNED_PROFILE_FIELDS = [
  'timezone',
  'dept',
  'company',
  'job_title',
  'location',
  'language',
  'cost_center',
  'manager',
  'phone_country',
  'phone_number',
  'phone_numbers',
  'pronouns',
  'pronouns_option',
  'cms_user_id',
  'plan_united_type',
  'zoom_one_type',
  'custom_attributes',
] as const satisfies readonly (keyof UserProfile & keyof ZoomUserAnswer)[];

function returnedProfile(profile: UserProfile): Pick<UserProfile, (typeof RETURNED_PROFILE_FIELDS)[number]> {
  const picked: Record<string, unknown> = {};
  for (const field of RETURNED_PROFILE_FIELDS)
    if (profile[field] !== undefined) picked[field] = profile[field];
  return picked;
}

/** `GET /users/{userId}`: one user, by id or email address. */
export function getUser({ store, params }: ZoomCall, account: AccountRecord): Response {
  const userId = params[1] ?? '';
  const user = store.findUser(account, userId);
  if (!user) return userNotFound(userId);
  const answer = withDefined<ZoomUserAnswer>({
    id: user.id,
    email: user.email,
    first_name: user.firstName,
    last_name: user.lastName,
    display_name: displayName(user),
    type: user.type,
    status: user.status,
    role_id: user.role.id,
    role_name: user.role.name,
    pmi: user.pmi,
    use_pmi: user.profile.use_pmi ?? false,
    personal_meeting_url: `https://zoom.us/j/${user.pmi}`,
    account_id: account.id,
    account_number: account.accountNumber,
    verified: user.status === 'pending' ? 0 : 1,
    created_at: zoomTime(user.createdAt),
    user_created_at: zoomTime(user.createdAt),
    ...returnedProfile(user.profile),
  });
  return json(200, answer);
}

// --- PATCH /accounts/{accountId}/users/{userId} -----------------------------------------------------------------

/**
 * `PATCH /users/{userId}`: any documented field, alone or with others, answered 204. Changing `type` to 2 needs a
 * free licence of the base plan (code 2034); `type` 99 is refused (it is only set by `ssoCreate`).
 */
export async function updateUser(
  { store, request, params }: ZoomCall,
  account: AccountRecord,
): Promise<Response> {
  const userId = params[1] ?? '';
  const user = store.findUser(account, userId);
  if (!user) return userNotFound(userId);
  const body = await readJsonObject(request);
  if (!body) return invalidBody();
  const errors: FieldError[] = [];
  const patch = readUserPatch(body, errors);
  if (patch.type !== undefined && !isUserType(patch.type))
    errors.push({ field: 'type', message: TYPE_MESSAGE });
  else if (patch.type === 99 && user.type !== 99) errors.push({ field: 'type', message: NONE_MESSAGE });
  if (errors.length > 0) return validationFailed(errors);

  const type = patch.type as ZoomUserType | undefined;
  if (type === 2 && user.type !== 2 && !store.hasFreeLicence(account, user)) return noFreeLicence();
  if (type !== undefined) user.type = type;
  if (patch.firstName !== undefined) user.firstName = patch.firstName;
  if (patch.lastName !== undefined) user.lastName = patch.lastName;
  if (patch.pmi !== undefined) user.pmi = patch.pmi;
  Object.assign(user.profile, patch.profile);
  if (patch.removePlanUnited) delete user.profile.plan_united_type;
  return empty(204);
}
