import { z } from 'zod';

import { parseFormattedPrice } from '../formattedPrice.js';
import type { PlacedUpgrade, UpgradeQuote } from '../types.js';
import { whmcsFlag, whmcsNumber, whmcsOptionalId, whmcsText } from './whmcsPrimitives.js';

const priceText = z.union([z.string(), z.number(), z.null()]).optional();

/*
 * A product upgrade answers `price`; a configoptions upgrade answers `price1..n` per option
 * plus `subtotal`, `discount` and `total` (after discount), and no day counts or product name.
 */
const upgradeFields = z.object({
  price: priceText,
  total: priceText,
  subtotal: priceText,
  price1: priceText,
  newproductname: whmcsText,
  newvalue1: whmcsText,
});

type UpgradeFields = z.output<typeof upgradeFields>;
type PriceParts = Pick<UpgradeQuote, 'price' | 'priceFormatted'>;

function pickPrice(raw: UpgradeFields): PriceParts | 'missing' | 'unparsable' {
  const candidates = [raw.price, raw.total, raw.subtotal, raw.price1];
  const chosen = candidates.find((value) => value !== undefined && value !== null && value !== '');
  if (chosen === undefined || chosen === null) return 'missing';
  if (typeof chosen === 'number') return { price: chosen, priceFormatted: String(chosen) };
  try {
    return { price: parseFormattedPrice(chosen), priceFormatted: chosen };
  } catch {
    return 'unparsable';
  }
}

const quoteFields = upgradeFields.extend({
  daysuntilrenewal: whmcsNumber.optional(),
  totaldays: whmcsNumber.optional(),
  upgradeinprogress: whmcsFlag,
});

/** UpgradeProduct with calconly. */
export const upgradeQuoteResponse = quoteFields.transform((raw, ctx): UpgradeQuote => {
  const price = pickPrice(raw);
  if (typeof price === 'string') {
    ctx.addIssue({ code: 'custom', message: `upgrade price is ${price}`, path: ['price'] });
    return z.NEVER;
  }
  return {
    ...price,
    daysUntilRenewal: raw.daysuntilrenewal ?? 0,
    totalDays: raw.totaldays ?? 0,
    newProductName: raw.newproductname || raw.newvalue1,
    upgradeInProgress: raw.upgradeinprogress,
  };
});

const placedFields = upgradeFields.extend({
  orderid: whmcsNumber,
  order_number: whmcsText,
  invoiceid: whmcsOptionalId.optional(),
});

/** UpgradeProduct placed; `invoiceid` 0 or null means nothing was payable. */
export const placedUpgradeResponse = placedFields.transform((raw, ctx): PlacedUpgrade => {
  const price = pickPrice(raw);
  if (price === 'unparsable') {
    ctx.addIssue({ code: 'custom', message: 'upgrade price is unparsable', path: ['price'] });
    return z.NEVER;
  }
  return {
    orderId: raw.orderid,
    orderNumber: raw.order_number,
    invoiceId: raw.invoiceid ?? null,
    ...(price === 'missing' ? { price: 0, priceFormatted: '' } : price),
    newProductName: raw.newproductname || raw.newvalue1,
  };
});
