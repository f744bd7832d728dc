import { z } from 'zod';

import { BILLING_CYCLES, type BillingCycle } from '../types.js';

/*
 * Lenient building blocks for WHMCS answers: the same field comes as a JSON number or a
 * numeric string depending on the action and the WHMCS version, lists are wrapped twice and
 * an empty one may be `""`, `[]`, `{}`, null or missing, and unset dates are `0000-00-00`.
 */

const NUMERIC = /^[-+]?(\d+\.?\d*|\.\d+)$/;

/** A number or numeric string (ids, counts, money `"150000.00"`); anything else fails. */
export const whmcsNumber = z.union([z.number(), z.string()]).transform((value, ctx) => {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  const text = String(value).trim();
  if (NUMERIC.test(text)) return Number(text);
  ctx.addIssue({ code: 'custom', message: `not a number: "${text.slice(0, 20)}"` });
  return z.NEVER;
});

/** An amount that may be empty (`""`, null, missing), which means zero. */
export const whmcsAmount = z.preprocess(
  (value) => (value === '' || value === null || value === undefined ? 0 : value),
  whmcsNumber,
);

/** An id that may be unset (`0`, `""`, null or missing), which means null. */
export const whmcsOptionalId = z.preprocess(
  (value) => (value === '' || value === undefined ? null : value),
  z.union([z.null(), whmcsNumber]).transform((id) => (id === null || id === 0 ? null : id)),
);

/** Free text; numbers become strings, null or missing becomes `""`. */
export const whmcsText = z
  .union([z.string(), z.number(), z.boolean(), z.null()])
  .optional()
  .transform((value) => (value === null || value === undefined ? '' : String(value)));

/** `YYYY-MM-DD` or `YYYY-MM-DD HH:MM:SS`; `0000-00-00`, empty or missing become null. */
export const whmcsDate = whmcsText.transform((value) => {
  const text = value.trim();
  return text === '' || text.startsWith('0000-00-00') ? null : text;
});

/** true, 1, "1", "true", "yes", "on" are true; anything else (incl. missing) is false. */
export const whmcsFlag = z
  .union([z.boolean(), z.number(), z.string(), z.null()])
  .optional()
  .transform((value) => {
    if (typeof value === 'boolean') return value;
    if (typeof value === 'number') return value !== 0;
    return ['1', 'true', 'yes', 'on'].includes(
      String(value ?? '')
        .trim()
        .toLowerCase(),
    );
  });

/**
 * A billing cycle in display (`Semi-Annually`) or system (`semiannually`) form; null for
 * `Free Account`, `One Time` and anything not recurring.
 */
export const whmcsBillingCycle = whmcsText.transform((value): BillingCycle | null => {
  const key = value.toLowerCase().replace(/[\s_-]/g, '');
  return (BILLING_CYCLES as readonly string[]).includes(key) ? (key as BillingCycle) : null;
});

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isEmptyArray(value: unknown): boolean {
  return Array.isArray(value) && value.length === 0;
}

/** A PHP array with numeric keys serialised as an object: `{"0": {...}, "1": {...}}`. */
function numericKeyedValues(value: Record<string, unknown>): unknown[] | undefined {
  const keys = Object.keys(value);
  return keys.length > 0 && keys.every((key) => /^\d+$/.test(key))
    ? keys.map((key) => value[key])
    : undefined;
}

function asItems(inner: unknown): unknown {
  if (inner === undefined || inner === null || inner === '' || inner === false) return [];
  if (Array.isArray(inner)) return inner;
  if (isRecord(inner)) return numericKeyedValues(inner) ?? [inner];
  return inner;
}

/** Unwraps `{"products":{"product":[...]}}`-style lists; see the file comment. */
export function unwrapList(outer: unknown, innerKey: string): unknown {
  if (outer === undefined || outer === null || outer === '' || outer === false) return [];
  if (Array.isArray(outer)) return outer;
  if (!isRecord(outer)) return outer;
  if (innerKey in outer) return asItems(outer[innerKey]);
  return Object.keys(outer).length === 0 ? [] : (numericKeyedValues(outer) ?? outer);
}

/** A twice-wrapped list of `item`, always parsed to an array. */
export function wrappedList<T extends z.ZodType>(innerKey: string, item: T) {
  return z.preprocess((outer) => unwrapList(outer, innerKey), z.array(item));
}

/** A PHP associative array: `[]`, `""`, null or missing mean an empty object. */
export function phpRecord<T extends z.ZodType>(value: T) {
  return z.preprocess(
    (raw) => (raw === undefined || raw === null || raw === '' || isEmptyArray(raw) ? {} : raw),
    z.record(z.string(), value),
  );
}
