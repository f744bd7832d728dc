/**
 * Coded errors shared by every layer. Callers branch on `code`, never on message text.
 */
export const APP_ERROR_CODES = [
  // Clientzone transport and protocol
  'CLIENTZONE_UNAVAILABLE',
  'CLIENTZONE_TIMEOUT',
  'CLIENTZONE_AUTH',
  'CLIENTZONE_UNSUPPORTED',
  'CLIENTZONE_BAD_RESPONSE',
  // Clientzone business answers (`result=error`)
  'CLIENTZONE_REJECTED',
  'CLIENTZONE_UPGRADE_PENDING',
  'CLIENTZONE_NOT_FOUND',
  // Flow and ownership
  'ABORTED',
  'FORBIDDEN_RESOURCE',
  'IDENTITY_INVALID',
  'IDENTITY_MISMATCH',
  // Storage and turn serialisation
  'STORAGE_CONFLICT',
  'TURN_LOCK_TIMEOUT',
  // Start-up
  'CONFIG_INVALID',
] as const;

export type AppErrorCode = (typeof APP_ERROR_CODES)[number];

export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly details?: Readonly<Record<string, string | number | boolean | null>>;

  constructor(
    code: AppErrorCode,
    message: string,
    options?: { cause?: unknown; details?: Record<string, string | number | boolean | null> },
  ) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.details = options?.details;
  }
}

export function isAppError(error: unknown, code?: AppErrorCode): error is AppError {
  return error instanceof AppError && (code === undefined || error.code === code);
}

/** The code of any thrown value, for logs and machine context (never the message). */
export function errorCodeOf(error: unknown): string {
  if (error instanceof AppError) return error.code;
  if (error instanceof Error && error.name === 'AbortError') return 'ABORTED';
  return 'INTERNAL';
}
