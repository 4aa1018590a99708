import type { ZoomLabel } from '../zoom/zoom-api';
import { addContacts, createAccount, getAccount, listAccounts } from './commerce-accounts-api';
import { getOffer, searchCatalog } from './commerce-catalog-api';
import {
  createDealRegistration,
  getDealRegistration,
  listCampaigns,
  listDealRegistrations,
  updateDealRegistration,
} from './commerce-deals-api';
import { createOrder, getOrder, listOrders, previewOrder } from './commerce-orders-api';
import type { CommerceStore } from './commerce-store';
import { getSubscription, getSubscriptionVersions, listSubscriptions } from './commerce-subscriptions-api';

/** Everything a Commerce endpoint handler needs. */
export interface CommerceCall {
  readonly store: CommerceStore;
  readonly request: Request;
  readonly url: URL;
  /** Path parameters, decoded. */
  readonly params: readonly string[];
}

interface CommerceRoute {
  readonly method: string;
  /** The path with `{}` for each parameter, e.g. `/commerce/accounts/{}`. */
  readonly path: string;
  readonly pattern: RegExp;
  readonly label: ZoomLabel;
  readonly handle: (call: CommerceCall) => Promise<Response> | Response;
}

/** A Commerce route matched against a request: its label and the bound handler. */
export interface MatchedCommerceRoute {
  readonly label: ZoomLabel;
  readonly run: (store: CommerceStore, request: Request, url: URL) => Promise<Response> | Response;
}

function route(
  method: string,
  path: string,
  label: ZoomLabel,
  handle: CommerceRoute['handle'],
): CommerceRoute {
  return { method, path, pattern: new RegExp(`^${path.replaceAll('{}', '([^/]+)')}/?$`), label, handle };
}

// Zoom's reference labels POST /commerce/account Light and POST /commerce/order Heavy; the other labels are the
// sandbox's choice, following Zoom's pattern elsewhere: details Light, listings Medium, previews Heavy.
const ROUTES: readonly CommerceRoute[] = [
  route('POST', '/commerce/account', 'light', createAccount),
  route('POST', '/commerce/account/{}/contacts', 'light', addContacts),
  route('GET', '/commerce/accounts', 'medium', listAccounts),
  route('GET', '/commerce/accounts/{}', 'light', getAccount),
  route('POST', '/commerce/catalog', 'medium', searchCatalog),
  route('GET', '/commerce/catalog/{}', 'light', getOffer),
  route('POST', '/commerce/order', 'heavy', createOrder),
  route('POST', '/commerce/order/preview', 'heavy', previewOrder),
  route('GET', '/commerce/orders', 'medium', listOrders),
  route('GET', '/commerce/orders/{}', 'light', getOrder),
  route('GET', '/commerce/subscriptions', 'medium', listSubscriptions),
  route('GET', '/commerce/subscriptions/{}', 'light', getSubscription),
  route('GET', '/commerce/subscriptions/{}/versions', 'light', getSubscriptionVersions),
  route('GET', '/commerce/campaigns', 'medium', listCampaigns),
  route('POST', '/commerce/deal_registration', 'light', createDealRegistration),
  route('GET', '/commerce/deal_registrations', 'medium', listDealRegistrations),
  route('GET', '/commerce/deal_registrations/{}', 'light', getDealRegistration),
  route('PATCH', '/commerce/deal_registrations/{}', 'light', updateDealRegistration),
];

/** Every Partner Commerce endpoint the in-memory Zoom serves, as `{ method, path }` with `{}` for each parameter. */
export function commerceEndpoints(): { method: string; path: string }[] {
  return ROUTES.map(({ method, path }) => ({ method, path }));
}

/** Finds the Commerce endpoint for a method and a path relative to the API base (e.g. `/commerce/orders`). */
export function matchCommerceRoute(method: string, path: string): MatchedCommerceRoute | undefined {
  if (!path.startsWith('/commerce/')) return undefined;
  for (const candidate of ROUTES) {
    if (candidate.method !== method) continue;
    const match = candidate.pattern.exec(path);
    if (!match) continue;
    let params: string[];
    try {
      params = match.slice(1).map((value) => decodeURIComponent(value ?? ''));
    } catch {
      return undefined;
    }
    return {
      label: candidate.label,
      run: (store, request, url) => candidate.handle({ store, request, url, params }),
    };
  }
  return undefined;
}
