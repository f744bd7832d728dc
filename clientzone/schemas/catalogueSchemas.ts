import { z } from 'zod';

import type { CatalogueConfigOption, CatalogueProduct, CyclePrices } from '../types.js';
import { phpRecord, whmcsNumber, whmcsText, wrappedList } from './whmcsPrimitives.js';

/** maxqty 0 (or missing) means no maximum in WHMCS; this stands for it. */
export const UNLIMITED_QUANTITY = Number.MAX_SAFE_INTEGER;

/** A cycle's price; `-1.00` (not offered), `""`, null or missing become undefined. */
const cyclePrice = z
  .union([z.number(), z.string(), z.null()])
  .optional()
  .transform((value, ctx): number | undefined => {
    if (value === null || value === undefined || String(value).trim() === '') return undefined;
    const parsed = whmcsNumber.safeParse(value);
    if (!parsed.success) {
      ctx.addIssue({ code: 'custom', message: `not a price: "${String(value).slice(0, 20)}"` });
      return z.NEVER;
    }
    return parsed.data < 0 ? undefined : parsed.data;
  });

const cyclePrices = z
  .object({
    monthly: cyclePrice,
    quarterly: cyclePrice,
    semiannually: cyclePrice,
    annually: cyclePrice,
    biennially: cyclePrice,
    triennially: cyclePrice,
  })
  .transform((raw): CyclePrices => {
    const offered: CyclePrices = {};
    for (const [cycle, price] of Object.entries(raw) as [keyof CyclePrices, number | undefined][]) {
      if (price !== undefined) offered[cycle] = price;
    }
    return offered;
  });

const pricingByCurrency = phpRecord(cyclePrices);

const TYPE_BY_NAME: Record<string, string> = {
  dropdown: '1',
  radio: '2',
  yesno: '3',
  quantity: '4',
};

/** Types `3` (yes/no) and `4` (quantity) have one sub-option whose price is per unit. */
const SINGLE_OPTION_TYPES = ['3', '4'];

const optionalQty = z.preprocess(
  (value) => (value === '' || value === null ? undefined : value),
  whmcsNumber.optional(),
);

const catalogueConfigOption = z
  .object({
    id: whmcsNumber,
    name: whmcsText,
    type: whmcsText,
    minqty: optionalQty,
    maxqty: optionalQty,
    options: wrappedList('option', z.object({ pricing: pricingByCurrency })),
  })
  .transform((raw): CatalogueConfigOption => {
    const type = TYPE_BY_NAME[raw.type.toLowerCase()] ?? raw.type;
    const perUnit = SINGLE_OPTION_TYPES.includes(type) ? raw.options[0]?.pricing : undefined;
    return {
      id: raw.id,
      name: raw.name,
      type,
      minQty: Math.max(0, raw.minqty ?? 0),
      maxQty: raw.maxqty !== undefined && raw.maxqty > 0 ? raw.maxqty : UNLIMITED_QUANTITY,
      unitPricing: perUnit ?? {},
    };
  });

const catalogueProduct = z
  .object({
    pid: whmcsNumber,
    gid: whmcsNumber,
    name: whmcsText,
    description: whmcsText,
    pricing: pricingByCurrency,
    configoptions: wrappedList('configoption', catalogueConfigOption),
  })
  .transform((raw): CatalogueProduct => ({
    pid: raw.pid,
    gid: raw.gid,
    name: raw.name,
    description: raw.description,
    pricing: raw.pricing,
    configOptions: raw.configoptions,
  }));

/** GetProducts: the products of a group. */
export const catalogueResponse = z
  .object({ products: wrappedList('product', catalogueProduct) })
  .transform((raw) => raw.products);
