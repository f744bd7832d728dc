import { z } from 'zod';
import { normaliseAction } from './actions/actionRegistry.js';

export const FAULT_MODES = [
  'delay',
  'status500',
  'html',
  'reset-before',
  'reset-after-commit',
  'slow-after-commit',
] as const;

/**
 * delay: wait `ms`, then handle. status500 / html: answer a 500 / a 200 HTML page, doing nothing.
 * reset-before: drop the connection, doing nothing. reset-after-commit: do it, then drop the
 * connection unanswered (a lost response). slow-after-commit: do it, answer after `ms`.
 */
export type FaultMode = (typeof FAULT_MODES)[number];

export interface FaultRule {
  /** Lower-case action, or `*` for every action. */
  action: string;
  mode: FaultMode;
  ms: number;
  /** Calls still to be affected. */
  remaining: number;
  /** Request fields that must match for the fault to apply; `null` means absent or empty. */
  match: Record<string, string | null>;
}

const faultRequestSchema = z.object({
  action: z.string().min(1),
  mode: z.enum(FAULT_MODES),
  ms: z.number().int().min(0).max(120_000).default(0),
  times: z.number().int().min(1).default(1),
  match: z.record(z.string(), z.string().nullable()).default({}),
});

/** Faults armed through `POST /__sandbox/faults`, consumed one call at a time. */
export class FaultInjector {
  private rules: FaultRule[] = [];

  /** Throws a ZodError when the request is malformed. */
  add(input: unknown): FaultRule {
    const request = faultRequestSchema.parse(input);
    const action = request.action === '*' ? '*' : normaliseAction(request.action);
    const rule: FaultRule = {
      action,
      mode: request.mode,
      ms: request.ms,
      remaining: request.times,
      match: request.match,
    };
    this.rules.push(rule);
    return { ...rule };
  }

  clear(): void {
    this.rules = [];
  }

  list(): FaultRule[] {
    return this.rules.map((rule) => ({ ...rule }));
  }

  /** The first armed fault for this call, counted as used. */
  take(action: string, field: (name: string) => string): FaultRule | null {
    const rule = this.rules.find(
      (candidate) =>
        (candidate.action === action || candidate.action === '*') &&
        Object.entries(candidate.match).every(([name, value]) => field(name) === (value ?? '')),
    );
    if (!rule) return null;
    rule.remaining -= 1;
    if (rule.remaining <= 0) this.rules = this.rules.filter((candidate) => candidate !== rule);
    return { ...rule };
  }
}
