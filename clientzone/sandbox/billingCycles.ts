export const CYCLE_KEYS = [
  'monthly',
  'quarterly',
  'semiannually',
  'annually',
  'biennially',
  'triennially',
] as const;

/** System form of a recurring billing cycle, as requests carry it. */
export type CycleKey = (typeof CYCLE_KEYS)[number];

const DISPLAY: Record<CycleKey, string> = {
  monthly: 'Monthly',
  quarterly: 'Quarterly',
  semiannually: 'Semi-Annually',
  annually: 'Annually',
  biennially: 'Biennially',
  triennially: 'Triennially',
};

const MONTHS: Record<CycleKey, number> = {
  monthly: 1,
  quarterly: 3,
  semiannually: 6,
  annually: 12,
  biennially: 24,
  triennially: 36,
};

export function cycleDisplayName(cycle: CycleKey): string {
  return DISPLAY[cycle];
}

export function cycleMonths(cycle: CycleKey): number {
  return MONTHS[cycle];
}

/** Accepts the system form (`semiannually`) or the display form (`Semi-Annually`). */
export function parseCycle(value: string): CycleKey | null {
  const normalised = value.toLowerCase().replace(/[^a-z]/g, '');
  return CYCLE_KEYS.find((cycle) => cycle === normalised) ?? null;
}
