/** Helpers every flow machine shares. */

/** Actor stubs in `setup()`: the running bot (or a test) must `.provide()` the real implementation. */
export function notProvided(name: string): () => Promise<never> {
  return () => Promise.reject(new Error(`actor "${name}" was not provided`));
}

/** The code of an actor's error (AppError codes); machine context stores codes, never errors. */
export function errorCodeOfActorError(error: unknown): string {
  if (typeof error === 'object' && error !== null && 'code' in error) {
    const code = (error as { code: unknown }).code;
    if (typeof code === 'string' && /^[A-Z][A-Z_]+$/.test(code)) return code;
  }
  return 'INTERNAL';
}

/**
 * What every flow does with an answer its current state cannot use: count it (two in a row offer a
 * person), say so, and ask the pending question again. Each flow names these three actions alike.
 */
export const NOT_UNDERSTOOD = {
  actions: ['countMisunderstanding', 'replyNotUnderstood', 'repeatPrompt'],
} as const;
