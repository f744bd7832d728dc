import axios, { type AxiosInstance, type AxiosResponse } from 'axios';

import { AppError, errorCodeOf, type AppErrorCode } from './appError.js';
import {
  RETRYABLE_CODES,
  abortedError,
  errorFromResponse,
  errorFromTransport,
} from './whmcsErrors.js';

/** pino-compatible; only codes, actions, timings and Clientzone messages are ever logged. */
export interface ClientzoneLogger {
  debug(obj: Record<string, unknown>, msg?: string): void;
  info(obj: Record<string, unknown>, msg?: string): void;
  warn(obj: Record<string, unknown>, msg?: string): void;
}

export type CallOutcome = 'success' | 'error';

export interface WhmcsTransportOptions {
  apiUrl: string;
  identifier: string;
  secret: string;
  accessKey?: string;
  timeoutMs: number;
  retries: number;
  retryDelayMs: number;
  logger?: ClientzoneLogger;
  onCall?: (action: string, outcome: CallOutcome, ms: number) => void;
}

/** A form field; a record becomes PHP array keys (`configoptions[77]=10`). */
export type FormValue = string | number | Readonly<Record<string | number, string | number>>;
export type WhmcsParams = Readonly<Record<string, FormValue | undefined>>;

export interface WhmcsCallOptions {
  signal?: AbortSignal;
  /** Only for calls that change nothing: retried on failures of transport. */
  retry: boolean;
}

/** Builds the form body; exported for tests. */
export function toFormBody(fields: WhmcsParams): URLSearchParams {
  const form = new URLSearchParams();
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    if (typeof value !== 'object') form.append(key, String(value));
    else
      for (const [sub, item] of Object.entries(value)) form.append(`${key}[${sub}]`, String(item));
  }
  return form;
}

/** Parses a JSON object out of the text body; undefined when it is not one. */
function parseBody(data: unknown): Record<string, unknown> | undefined {
  if (typeof data === 'object' && data !== null && !Array.isArray(data)) {
    return data as Record<string, unknown>;
  }
  if (typeof data !== 'string') return undefined;
  const text = data.replace(/^\uFEFF/, '').trim();
  // PHP notices printed before the JSON (display_errors on) must not hide a good answer.
  const start = text.startsWith('{') ? 0 : text.search(/\{\s*"(result|status)"\s*:/);
  if (start < 0) return undefined;
  try {
    const parsed: unknown = JSON.parse(text.slice(start));
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

function pause(ms: number, signal: AbortSignal | undefined, action: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(abortedError(action));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    if (signal?.aborted) onAbort();
    else signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** POSTs WHMCS API actions and turns every answer into a success body or an AppError. */
export class WhmcsTransport {
  private readonly http: AxiosInstance;
  private readonly options: Omit<WhmcsTransportOptions, 'identifier' | 'secret' | 'accessKey'>;
  // An ES private field: never shown by util.inspect, JSON.stringify or a logger's serialiser.
  readonly #credentials: WhmcsParams;

  constructor({ identifier, secret, accessKey, ...options }: WhmcsTransportOptions) {
    this.options = options;
    this.#credentials = { identifier, secret, accesskey: accessKey };
    this.http = axios.create({
      timeout: options.timeoutMs,
      headers: { Accept: 'application/json' },
      responseType: 'text',
      transformResponse: [(data: unknown) => data],
      validateStatus: () => true,
    });
  }

  /**
   * Resolves with `read(body)` of the answer's JSON object when `result=success`; `read`
   * validates it (and throws an AppError when it cannot), once, after any retries.
   */
  async call<T>(
    action: string,
    params: WhmcsParams,
    options: WhmcsCallOptions,
    read: (body: Record<string, unknown>) => T,
  ): Promise<T> {
    const started = Date.now();
    try {
      const result = read(await this.withRetries(action, params, options));
      this.finish(action, 'success', started);
      return result;
    } catch (error) {
      this.finish(action, 'error', started, error);
      throw error;
    }
  }

  private async withRetries(
    action: string,
    params: WhmcsParams,
    { signal, retry }: WhmcsCallOptions,
  ): Promise<Record<string, unknown>> {
    const attempts = retry ? this.options.retries + 1 : 1;
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await this.attempt(action, params, signal);
      } catch (error) {
        const retryable = error instanceof AppError && RETRYABLE_CODES.has(error.code);
        if (!retryable || attempt >= attempts) throw error;
        this.options.logger?.warn({ action, attempt, code: error.code }, 'clientzone retry');
        await pause(this.options.retryDelayMs * attempt, signal, action);
      }
    }
  }

  private async attempt(
    action: string,
    params: WhmcsParams,
    signal: AbortSignal | undefined,
  ): Promise<Record<string, unknown>> {
    if (signal?.aborted) throw abortedError(action);
    const form = toFormBody({ action, ...this.#credentials, responsetype: 'json', ...params });
    let response: AxiosResponse<unknown>;
    try {
      response = await this.http.post(this.options.apiUrl, form, { signal });
    } catch (error) {
      throw errorFromTransport(action, error, signal);
    }
    const body = parseBody(response.data);
    const failure = errorFromResponse(action, response.status, body);
    if (failure) throw failure;
    return body as Record<string, unknown>;
  }

  private finish(action: string, outcome: CallOutcome, started: number, error?: unknown): void {
    const ms = Date.now() - started;
    const { logger, onCall } = this.options;
    if (outcome === 'success') {
      logger?.debug({ action, ms }, 'clientzone call');
    } else {
      const code = errorCodeOf(error);
      const details = error instanceof AppError ? error.details : undefined;
      const outage = RETRYABLE_CODES.has(code as AppErrorCode) || code === 'CLIENTZONE_AUTH';
      logger?.[outage ? 'warn' : 'info'](
        { ...details, action, ms, code },
        'clientzone call failed',
      );
    }
    try {
      onCall?.(action, outcome, ms);
    } catch {
      // A metrics hook must never break a call.
    }
  }
}
