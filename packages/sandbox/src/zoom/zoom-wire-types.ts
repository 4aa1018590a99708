import type { PhoneNumber, PlanUnitedType } from './zoom-user-profile';

// The answers Zoom documents for the endpoints the sandbox serves, field for field, so that every answer the sandbox
// builds is checked by the compiler (`satisfies`) against what Zoom publishes: a field Zoom does not send cannot be
// added without changing this file, and this file says where each shape comes from.
//
// Sources:
// - Users: the response types of Zoom's own Node SDK, `@zoom/rivet` 0.4.0 (`users/users.d.ts`), which Zoom generates
//   from its API reference. Only the fields the sandbox sends are listed; `test/interop` checks that each shape here is
//   assignable to Rivet's type, and that the sandbox's answers type-check against Rivet's types at run time.
// - Master Account and Billing (Rivet has no module for them): Zoom's API reference,
//   https://developers.zoom.us/docs/api/ma/ and https://developers.zoom.us/docs/api/billing/ma/ ("Get a sub account's
//   details", "List sub accounts", "Create a sub account", "Subscribe account to a plan", "Get plan information",
//   "Get plan usage"), and Zoom's published OpenAPI of these APIs.
// - Errors: https://developers.zoom.us/docs/api/errors/. OAuth: https://developers.zoom.us/docs/rooms/s2s-oauth/.

/** A Zoom error: `{ code, message }`, and the failing fields for validation errors (code 300). */
export interface ZoomErrorAnswer {
  code: number;
  message: string;
  errors?: { field: string; message: string }[];
}

/** `POST https://zoom.us/oauth/token` with `grant_type=account_credentials`. */
export interface ZoomTokenAnswer {
  access_token: string;
  token_type: string;
  expires_in: number;
  scope: string;
  api_url?: string;
}

/** `POST https://zoom.us/oauth/token` refused: `{ reason, error }`. */
export interface ZoomOAuthErrorAnswer {
  reason: string;
  error: string;
}

/** `POST /accounts`, 201. */
export interface ZoomCreatedAccountAnswer {
  id?: string;
  owner_id?: string;
  owner_email?: string;
  created_at?: string;
}

/** One entry of `GET /accounts`: the only Master Account answer that carries a sub-account's name. */
export interface ZoomListedAccount {
  id?: string;
  account_name?: string;
  owner_email?: string;
  account_type?: string;
  seats?: number;
  subscription_start_time?: string;
  subscription_end_time?: string;
  created_at?: string;
  account_number?: string;
}

/** `GET /accounts`: a page of sub-accounts. */
export interface ZoomAccountListAnswer {
  page_count?: number;
  page_number?: number;
  page_size?: number;
  total_records?: number;
  next_page_token?: string;
  accounts?: ZoomListedAccount[];
}

/** `GET /accounts/{accountId}`: no `account_name` and no `account_number` (Zoom does not send them here). */
export interface ZoomAccountAnswer {
  id?: string;
  owner_id?: string;
  owner_email?: string;
  created_at?: string;
  options?: {
    share_rc?: boolean;
    room_connector_list?: string[];
    share_mc?: boolean;
    meeting_connector_list?: string[];
    pay_mode?: 'master' | 'sub';
    billing_auto_renew?: boolean;
  };
  vanity_url?: string;
}

/** A plan as `POST /accounts/{accountId}/plans` echoes it. */
interface ZoomPlanEcho {
  type: string;
  hosts: number;
  increasing_hosts?: number;
  partner_sku?: string;
  discount_rate?: number;
  discount_percent?: number;
}

/** `POST /accounts/{accountId}/plans`, 201: the plans subscribed. */
export interface ZoomSubscribedPlansAnswer {
  plan_base: ZoomPlanEcho;
  plan_zoom_rooms?: ZoomPlanEcho;
  plan_room_connector?: ZoomPlanEcho;
  plan_large_meeting?: ZoomPlanEcho[];
  plan_webinar?: ZoomPlanEcho[];
  plan_recording?: string;
}

/** A plan as `GET /accounts/{accountId}/plans` describes it. */
interface ZoomPlanInformation {
  type?: string;
  hosts?: number;
  service_effective_date?: string;
  next_invoice_date?: string;
  status?: 'active' | 'cancelled' | 'expired';
}

/** `GET /accounts/{accountId}/plans`: every plan kind is absent while not subscribed. */
export interface ZoomPlansAnswer {
  plan_base?: ZoomPlanInformation & { included_minutes?: number; overage_price?: string };
  plan_zoom_rooms?: ZoomPlanInformation;
  plan_room_connector?: ZoomPlanInformation;
  plan_large_meeting?: ZoomPlanInformation[];
  plan_webinar?: ZoomPlanInformation[];
  plan_recording?: string;
  plan_recording_service_effective_date?: string;
  plan_recording_next_invoice_date?: string;
  plan_recording_status?: 'active' | 'cancelled' | 'expired';
}

/** A plan's usage: `usage` counts licensed users, `pending` invited ones. */
interface ZoomPlanUsage {
  type?: string;
  hosts?: number;
  usage?: number;
  pending?: number;
}

/** `GET /accounts/{accountId}/plans/usage`: absent plan kinds are left out. */
export interface ZoomPlanUsageAnswer {
  plan_base?: ZoomPlanUsage;
  plan_large_meeting?: ZoomPlanUsage[];
  plan_webinar?: ZoomPlanUsage[];
  plan_zoom_rooms?: ZoomPlanUsage[];
  plan_zoom_events?: ZoomPlanUsage[];
  plan_zoom_one?: ZoomPlanUsage[];
  plan_united?: ZoomPlanUsage & { name?: string };
}

/** Zoom's user licence types: 1 Basic, 2 Licensed, 4 Unassigned without Meetings Basic, 99 None (`ssoCreate` only). */
export type ZoomWireUserType = 1 | 2 | 4 | 99;

/** A user's custom attribute (`include_fields=custom_attributes`). */
export interface ZoomCustomAttribute {
  key?: string;
  name?: string;
  value?: string;
}

/** `POST /users` (and `/accounts/{accountId}/users`), 201; Rivet's `UsersCreateUsersResponse`. */
export interface ZoomCreatedUserAnswer {
  id?: string;
  email?: string;
  first_name?: string;
  last_name?: string;
  type?: ZoomWireUserType;
}

/** One entry of `GET /users`; the fields the sandbox sends of Rivet's `UsersListUsersResponse['users']`. */
export interface ZoomListedUser {
  id?: string;
  email: string;
  first_name?: string;
  last_name?: string;
  display_name?: string;
  type: ZoomWireUserType;
  status?: 'active' | 'inactive' | 'pending';
  pmi?: number;
  timezone?: string;
  dept?: string;
  role_id?: string;
  verified?: 1 | 0;
  created_at?: string;
  user_created_at?: string;
  plan_united_type?: PlanUnitedType;
  custom_attributes?: ZoomCustomAttribute[];
  host_key?: string;
}

/** `GET /users`: a page of users; Rivet's `UsersListUsersResponse`. */
export interface ZoomUserListAnswer {
  next_page_token?: string;
  page_count?: number;
  page_number?: number;
  page_size?: number;
  total_records?: number;
  users?: ZoomListedUser[];
}

/** `GET /users/{userId}`: the fields the sandbox sends of Rivet's `UsersGetUserResponse`. */
export interface ZoomUserAnswer {
  id?: string;
  email?: string;
  first_name?: string;
  last_name?: string;
  display_name?: string;
  type: ZoomWireUserType;
  status?: 'pending' | 'active' | 'inactive';
  role_id?: string;
  role_name?: string;
  pmi?: number;
  use_pmi?: boolean;
  personal_meeting_url?: string;
  timezone?: string;
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
  plan_united_type?: PlanUnitedType;
  zoom_one_type?: number;
  account_id?: string;
  account_number?: number;
  verified?: number;
  created_at?: string;
  user_created_at?: string;
  custom_attributes?: ZoomCustomAttribute[];
}
