/** A form field: a plain value, or a PHP-style array (`configoptions[77]=10`). */
export type ParamValue = string | Record<string, string>;
export type ApiParams = Record<string, ParamValue>;

const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const PHP_ARRAY_KEY = /^([^[\]]+)\[([^[\]]*)\]$/;

function assign(params: ApiParams, key: string, value: string): void {
  const match = PHP_ARRAY_KEY.exec(key);
  if (!match) {
    if (!UNSAFE_KEYS.has(key)) params[key] = value;
    return;
  }
  const [, name, index] = match;
  if (UNSAFE_KEYS.has(name) || UNSAFE_KEYS.has(index)) return;
  const existing = params[name];
  const array = typeof existing === 'object' ? existing : {};
  array[index === '' ? String(Object.keys(array).length) : index] = value;
  params[name] = array;
}

/** Query string and form body merged, the body winning, as PHP's `$_REQUEST` does. */
export function parseParams(query: URLSearchParams, body: string): ApiParams {
  const params: ApiParams = {};
  for (const [key, value] of query) assign(params, key, value);
  for (const [key, value] of new URLSearchParams(body)) assign(params, key, value);
  return params;
}

export function stringParam(params: ApiParams, key: string): string {
  const value = params[key];
  return typeof value === 'string' ? value : '';
}

/** PHP `(int)` cast: leading digits, else 0. */
export function intParam(params: ApiParams, key: string): number {
  const parsed = Number.parseInt(stringParam(params, key).trim(), 10);
  return Number.isNaN(parsed) ? 0 : parsed;
}

export function arrayParam(params: ApiParams, key: string): Record<string, string> {
  const value = params[key];
  return typeof value === 'object' ? value : {};
}

/** PHP `empty()` on a request string: only `""` and `"0"` are empty (so `"false"` is not). */
export function isPhpEmpty(value: string): boolean {
  return value === '' || value === '0';
}

/** WHMCS `stringLiteralToBool`-like reading for flags such as `markdown`. */
export function boolParam(params: ApiParams, key: string): boolean {
  return ['1', 'true', 'on', 'yes'].includes(stringParam(params, key).toLowerCase());
}
