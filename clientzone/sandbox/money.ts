import type { CurrencyRecord } from './sandboxState.js';

/** Rupiah have no minor unit in practice: amounts are kept whole. */
export function roundAmount(amount: number): number {
  return Math.round(amount);
}

/** WHMCS money field: a string with two decimals, e.g. `150000.00`. */
export function money(amount: number): string {
  return amount.toFixed(2);
}

/** WHMCS display form with prefix and suffix, e.g. `Rp150.000` or `Rp-35.714`. */
export function formatCurrency(amount: number, currency: CurrencyRecord): string {
  const whole = Math.abs(roundAmount(amount));
  const grouped = String(whole).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  const sign = roundAmount(amount) < 0 ? '-' : '';
  return `${currency.prefix}${sign}${grouped}${currency.suffix}`;
}
