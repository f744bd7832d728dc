/**
 * The sentence for a failed step. When a creating call (placing an upgrade, filing a ticket)
 * timed out, Clientzone may have done it: say so, and that a retry checks first.
 */
export function failureText(
  errorCode: string,
  step: string,
  errors: Record<string, string>,
): string {
  const uncertain = errorCode === 'CLIENTZONE_TIMEOUT' || errorCode === 'CLIENTZONE_UNAVAILABLE';
  if (uncertain && step === 'placing') return errors.placingUncertain ?? '';
  if (uncertain && step === 'filing') return errors.filingUncertain ?? '';
  return errors[errorCode] ?? errors.default ?? '';
}
