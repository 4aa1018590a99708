// The sandbox's small Zoom catalog: two base plans and two add-ons, each with a monthly and (for base plans) an
// annual price list in US dollars. Real catalogs are partner-specific and much larger; the shapes are Zoom's
// (`POST /commerce/catalog`), the names, ids and prices are the sandbox's own.

/** One price list of a sandbox offer. */
export interface ZoomCommerceCatalogPriceList {
  /** The id orders cite as `offer_price_list_id`. */
  readonly id: string;
  /** Display name. */
  readonly name: string;
  /** `'Month'` or `'Annual'`: the billing period of `unitPrice`. */
  readonly billingPeriod: 'Month' | 'Annual';
  /** Price of one licence for one billing period, in major units of `currency`. */
  readonly unitPrice: number;
  /** ISO 4217 currency of the price. */
  readonly currency: string;
  /** The partner SKU code of the price. */
  readonly partnerSkuCode: string;
}

/** One offer of the sandbox catalog. */
export interface ZoomCommerceCatalogOffer {
  /** Zoom's offer id (a string in the catalog answer). */
  readonly id: string;
  /** Display name. */
  readonly name: string;
  /** `'Base Plan'` or `'Add-on'`: what Zoom's `offer_type` says; an order adds base plans with `add_offers` and add-ons with `add_add_ons`. */
  readonly type: 'Base Plan' | 'Add-on';
  /** SKU. */
  readonly sku: string;
  /** Product group, the name deal registrations use in `product_groups`. */
  readonly productGroup: string;
  /** Price lists. */
  readonly priceLists: readonly ZoomCommerceCatalogPriceList[];
}

/**
 * The offers of the sandbox's Zoom catalog. Orders cite a price list by its id, e.g.
 * `ZOOM_COMMERCE_SANDBOX_PRICE_LISTS.businessMonthly`.
 */
export const ZOOM_COMMERCE_SANDBOX_CATALOG: readonly ZoomCommerceCatalogOffer[] = Object.freeze([
  {
    id: '100010',
    name: 'Zoom Workplace Pro',
    type: 'Base Plan',
    sku: 'ZW-PRO',
    productGroup: 'Meetings',
    priceLists: [
      {
        id: 'PL-ZW-PRO-MONTHLY-USD',
        name: 'Zoom Workplace Pro, monthly (USD)',
        billingPeriod: 'Month',
        unitPrice: 13.33,
        currency: 'USD',
        partnerSkuCode: 'ZW-PRO-1M',
      },
      {
        id: 'PL-ZW-PRO-ANNUAL-USD',
        name: 'Zoom Workplace Pro, annual (USD)',
        billingPeriod: 'Annual',
        unitPrice: 149.9,
        currency: 'USD',
        partnerSkuCode: 'ZW-PRO-1Y',
      },
    ],
  },
  {
    id: '100020',
    name: 'Zoom Workplace Business',
    type: 'Base Plan',
    sku: 'ZW-BUS',
    productGroup: 'Meetings',
    priceLists: [
      {
        id: 'PL-ZW-BUSINESS-MONTHLY-USD',
        name: 'Zoom Workplace Business, monthly (USD)',
        billingPeriod: 'Month',
        unitPrice: 18.33,
        currency: 'USD',
        partnerSkuCode: 'ZW-BUS-1M',
      },
      {
        id: 'PL-ZW-BUSINESS-ANNUAL-USD',
        name: 'Zoom Workplace Business, annual (USD)',
        billingPeriod: 'Annual',
        unitPrice: 219.9,
        currency: 'USD',
        partnerSkuCode: 'ZW-BUS-1Y',
      },
    ],
  },
  {
    id: '200010',
    name: 'Large Meetings 500',
    type: 'Add-on',
    sku: 'ZW-LM500',
    productGroup: 'Large Meetings',
    priceLists: [
      {
        id: 'PL-LARGE-MEETINGS-500-MONTHLY-USD',
        name: 'Large Meetings 500, monthly (USD)',
        billingPeriod: 'Month',
        unitPrice: 50,
        currency: 'USD',
        partnerSkuCode: 'ZW-LM500-1M',
      },
    ],
  },
  {
    id: '200020',
    name: 'Cloud Recording Storage 1 TB',
    type: 'Add-on',
    sku: 'ZW-CRS1T',
    productGroup: 'Cloud Recording',
    priceLists: [
      {
        id: 'PL-CLOUD-STORAGE-1TB-MONTHLY-USD',
        name: 'Cloud Recording Storage 1 TB, monthly (USD)',
        billingPeriod: 'Month',
        unitPrice: 40,
        currency: 'USD',
        partnerSkuCode: 'ZW-CRS1T-1M',
      },
    ],
  },
] satisfies ZoomCommerceCatalogOffer[]);

/** Ids of the sandbox catalog's price lists, for orders (`offer_price_list_id`) and provisioning (`plan`). */
export const ZOOM_COMMERCE_SANDBOX_PRICE_LISTS = Object.freeze({
  /** Zoom Workplace Pro, billed monthly: a base plan. */
  proMonthly: 'PL-ZW-PRO-MONTHLY-USD',
  /** Zoom Workplace Pro, billed yearly: a base plan. */
  proAnnual: 'PL-ZW-PRO-ANNUAL-USD',
  /** Zoom Workplace Business, billed monthly: a base plan. */
  businessMonthly: 'PL-ZW-BUSINESS-MONTHLY-USD',
  /** Zoom Workplace Business, billed yearly: a base plan. */
  businessAnnual: 'PL-ZW-BUSINESS-ANNUAL-USD',
  /** Large Meetings 500, billed monthly: an add-on. */
  largeMeetingsMonthly: 'PL-LARGE-MEETINGS-500-MONTHLY-USD',
  /** Cloud Recording Storage 1 TB, billed monthly: an add-on. */
  cloudStorageMonthly: 'PL-CLOUD-STORAGE-1TB-MONTHLY-USD',
} as const);

/** A price list with the offer it belongs to. */
export interface PricedOffer {
  readonly offer: ZoomCommerceCatalogOffer;
  readonly priceList: ZoomCommerceCatalogPriceList;
}

/** Finds a price list of the catalog by id. */
export function findPriceList(id: string): PricedOffer | undefined {
  for (const offer of ZOOM_COMMERCE_SANDBOX_CATALOG) {
    const priceList = offer.priceLists.find((candidate) => candidate.id === id);
    if (priceList) return { offer, priceList };
  }
  return undefined;
}

/** Monthly price of one licence of a price list (an annual price spread over 12 months), in major units. */
export function monthlyUnitPrice(priceList: ZoomCommerceCatalogPriceList): number {
  return priceList.billingPeriod === 'Annual' ? priceList.unitPrice / 12 : priceList.unitPrice;
}
