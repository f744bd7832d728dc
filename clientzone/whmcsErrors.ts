import { isCancel } from 'axios';
import type { z } from 'zod';

import { AppError, type AppErrorCode } from './appError.js';

/*
 * Maps every way a WHMCS call can fail to an AppError. No raw axios error (its config holds
 * the request body, credentials included) is ever attached as `cause` or copied to details.
 */

/** Failures of transport: worth retrying for calls that change nothing. */
export const RETRYABLE_CODES: ReadonlySet<AppErrorCode> = new Set([
  'CLIENTZONE_UNAVAILABLE',
  'CLIENTZONE_TIMEOUT',
]);

/** Business answers whose failure is the caller's to handle, not an outage. */
const MESSAGE_RULES: ReadonlyArray<readonly [RegExp, AppErrorCode]> = [
  [/authentication failed|invalid ip|invalid permissions|access key/i, 'CLIENTZONE_AUTH'],
  [/command not found/i, 'CLIENTZONE_UNSUPPORTED'],
  [/previous upgrade invoice|upgrade (order )?already in progress/i, 'CLIENTZONE_UPGRADE_PENDING'],
  [/not found/i, 'CLIENTZONE_NOT_FOUND'],
];

type Details = Record<string, string | number | boolean | null>;

function failure(code: AppErrorCode, action: string, what: string, details: Details): AppError {
  return new AppError(code, `Clientzone ${action}: ${what}`, { details: { action, ...details } });
}

/** The Clientzone message, safe to log (it names no credentials), kept short. */
function messageOf(body: Record<string, unknown> | undefined): string | null {
  const message = body?.message;
  return typeof message === 'string' || typeof message === 'number'
    ? String(message).slice(0, 300)
    : null;
}

/** `result=error`, or GetInvoice's older `status=error` without any `result`. */
function isErrorAnswer(body: Record<string, unknown>): boolean {
  return body.result === 'error' || (body.result === undefined && body.status === 'error');
}

/** The code for a `result=error` message. */
export function codeForMessage(message: string | null): AppErrorCode {
  const rule = MESSAGE_RULES.find(([pattern]) => pattern.test(message ?? ''));
  return rule?.[1] ?? 'CLIENTZONE_REJECTED';
}

/**
 * The failure an HTTP answer means, or null when it is a success. `body` is the parsed JSON
 * object, undefined when the answer was not JSON (an HTML error page, a proxy's text).
 */
export function errorFromResponse(
  action: string,
  httpStatus: number,
  body: Record<string, unknown> | undefined,
): AppError | null {
  const clientzoneMessage = messageOf(body);
  const details = { httpStatus, clientzoneMessage };
  if (httpStatus >= 500) return failure('CLIENTZONE_UNAVAILABLE', action, 'server error', details);
  if (httpStatus === 401 || httpStatus === 403) {
    return failure('CLIENTZONE_AUTH', action, 'access denied', details);
  }
  if (body === undefined) return failure('CLIENTZONE_UNAVAILABLE', action, 'not JSON', details);
  if (isErrorAnswer(body)) {
    const code = codeForMessage(clientzoneMessage);
    return failure(code, action, clientzoneMessage ?? 'error without message', details);
  }
  if (httpStatus >= 400) return failure('CLIENTZONE_UNAVAILABLE', action, 'HTTP error', details);
  if (body.result === 'success') return null;
  return failure('CLIENTZONE_BAD_RESPONSE', action, 'no result field', details);
}

function errorProperty(error: unknown, key: 'code' | 'name' | 'message'): string {
  if (typeof error !== 'object' || error === null) return '';
  const value = (error as Record<string, unknown>)[key];
  return typeof value === 'string' ? value : '';
}

/** The failure of a request that got no HTTP answer. */
export function errorFromTransport(action: string, error: unknown, signal?: AbortSignal): AppError {
  const transportCode = errorProperty(error, 'code') || errorProperty(error, 'name');
  const details = { transportCode: transportCode || null };
  if (signal?.aborted || isCancel(error) || transportCode === 'AbortError') {
    return abortedError(action);
  }
  const timedOut =
    ['ECONNABORTED', 'ETIMEDOUT', 'ESOCKETTIMEDOUT'].includes(transportCode) ||
    /timeout/i.test(errorProperty(error, 'message'));
  return timedOut
    ? failure('CLIENTZONE_TIMEOUT', action, 'timed out', details)
    : failure('CLIENTZONE_UNAVAILABLE', action, 'unreachable', details);
}

/** The call was cancelled by its caller's AbortSignal. */
export function abortedError(action: string): AppError {
  return failure('ABORTED', action, 'aborted', {});
}

/** The answer did not have the shape we accept; the paths say where (no values). */
export function badResponseError(action: string, error: z.ZodError): AppError {
  const where = error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
    .join('; ');
  return failure('CLIENTZONE_BAD_RESPONSE', action, 'unexpected answer', { issues: where });
}
