import { json, readJsonObject } from '../internal/json';
import { invalidBody, validationFailed } from '../zoom/zoom-responses';
import { ZOOM_COMMERCE_SANDBOX_CATALOG, type ZoomCommerceCatalogOffer } from './commerce-catalog';
import { notFound } from './commerce-responses';
import type { CommerceCall } from './commerce-routes';
import { BodyReader } from './commerce-validation';

/** The catalog fields `filter_options[].filter_by` may name in the sandbox (Zoom does not publish its list). */
const FILTERS: Record<string, (offer: ZoomCommerceCatalogOffer) => readonly string[]> = {
  offer_id: (offer) => [offer.id],
  offer_name: (offer) => [offer.name],
  offer_type: (offer) => [offer.type],
  sku: (offer) => [offer.sku],
  product_group: (offer) => [offer.productGroup],
  currency: (offer) => offer.priceLists.map((priceList) => priceList.currency),
};

const OPERANDS = ['equals', 'contains'] as const;

function offerJson(offer: ZoomCommerceCatalogOffer) {
  const family = offer.type === 'Base Plan' ? 'Zoom Workplace' : 'Zoom Workplace Add-ons';
  return {
    offer_id: offer.id,
    offer_name: offer.name,
    offer_desc: `${offer.name} (channelkit sandbox)`,
    offer_type: offer.type,
    z_product_category: family,
    sku: offer.sku,
    status: 'Active',
    start_date: '2024-01-01',
    offer_products: [
      {
        product_name: offer.name,
        product_id: `P-${offer.id}`,
        product_family_id: offer.type === 'Base Plan' ? 'PF-100' : 'PF-200',
        product_family_name: family,
        product_group_id: `PG-${offer.productGroup.replaceAll(' ', '-').toUpperCase()}`,
        product_group_name: offer.productGroup,
        product_type: offer.type,
        sku: offer.sku,
        price_list: offer.priceLists.map((priceList) => ({
          price_list_id: priceList.id,
          price_list_name: priceList.name,
          prices: [
            {
              price_list_charge_id: `${priceList.id}-CHARGE`,
              partner_sku_code: priceList.partnerSkuCode,
              charge_type: 'Recurring',
              charge_model: 'Per Unit Pricing',
              name: 'Licence',
              uom: 'Licence',
              amount: priceList.unitPrice,
              currency: priceList.currency,
              region: 'Global',
              min_unit_quantity: 1,
              status: 'Active',
            },
          ],
          billing_period: priceList.billingPeriod,
          status: 'Active',
        })),
      },
    ],
    offer_attributes: [],
  };
}

/**
 * `POST /commerce/catalog`: offers for the partner, filtered. `filter_by` may be `offer_id`, `offer_name`,
 * `offer_type`, `sku`, `product_group` or `currency` (the sandbox's set: Zoom does not publish its own), with operand
 * `equals` (the default) or `contains`; `eligibility_criteria.only_base_plans` keeps base plans only.
 */
export async function searchCatalog({ request }: CommerceCall): Promise<Response> {
  const body = await readJsonObject(request);
  if (!body) return invalidBody();
  const reader = new BodyReader();
  const filters = (reader.objects(body, 'filter_options', 'filter_options', { required: true }) ?? []).map(
    (filter, index) => {
      const path = `filter_options[${index}]`;
      const by = reader.text(filter, 'filter_by', `${path}.filter_by`, { required: true });
      const value = reader.text(filter, 'filter_value', `${path}.filter_value`, { required: true });
      const operand = reader.text(filter, 'operand', `${path}.operand`) ?? 'equals';
      if (by !== undefined && !(by in FILTERS)) {
        reader.fail(`${path}.filter_by`, `filter_by must be one of: ${Object.keys(FILTERS).join(', ')}.`);
      }
      if (!OPERANDS.includes(operand as (typeof OPERANDS)[number])) {
        reader.fail(`${path}.operand`, `operand must be one of: ${OPERANDS.join(', ')}.`);
      }
      return { by: by ?? '', value: (value ?? '').toLowerCase(), operand };
    },
  );
  const criteria = reader.object(body, 'eligibility_criteria', 'eligibility_criteria');
  const onlyBasePlans =
    criteria && reader.boolean(criteria, 'only_base_plans', 'eligibility_criteria.only_base_plans');
  const onlyTrials =
    criteria && reader.boolean(criteria, 'only_trial_eligible', 'eligibility_criteria.only_trial_eligible');
  const upgradeFrom =
    criteria && reader.text(criteria, 'upgrade_offer_id', 'eligibility_criteria.upgrade_offer_id');
  if (reader.errors.length > 0) return validationFailed(reader.errors);

  const upgraded = ZOOM_COMMERCE_SANDBOX_CATALOG.find((offer) => offer.id === upgradeFrom);
  const offers = ZOOM_COMMERCE_SANDBOX_CATALOG.filter((offer) => {
    if (onlyBasePlans && offer.type !== 'Base Plan') return false;
    // The sandbox's catalog has no trial offers.
    if (onlyTrials) return false;
    if (
      upgradeFrom !== undefined &&
      (!upgraded || offer.type !== upgraded.type || offer.id === upgraded.id)
    ) {
      return false;
    }
    return filters.every((filter) => {
      const values = (FILTERS[filter.by] as (offer: ZoomCommerceCatalogOffer) => readonly string[])(offer);
      return values.some((candidate) =>
        filter.operand === 'contains'
          ? candidate.toLowerCase().includes(filter.value)
          : candidate.toLowerCase() === filter.value,
      );
    });
  });
  return json(200, { offers: offers.map(offerJson) });
}

/** `GET /commerce/catalog/{offerId}`: one offer. */
export function getOffer({ params }: CommerceCall): Response {
  const id = params[0] ?? '';
  const offer = ZOOM_COMMERCE_SANDBOX_CATALOG.find((candidate) => candidate.id === id);
  if (!offer) return notFound('Offer', id);
  return json(200, offerJson(offer));
}
