import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** The bot's Prometheus metrics, on a registry of its own (tests build several apps in one process). */
export class BotMetrics {
  readonly registry = new Registry();
  readonly turns = new Counter({
    name: 'oxmail_turns_total',
    help: 'Turns processed, by activity type and outcome',
    labelNames: ['type', 'outcome'] as const,
    registers: [this.registry],
  });
  readonly turnDuration = new Histogram({
    name: 'oxmail_turn_duration_seconds',
    help: 'Turn latency',
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [this.registry],
  });
  readonly clientzoneCalls = new Counter({
    name: 'oxmail_clientzone_calls_total',
    help: 'Clientzone API calls, by action and outcome',
    labelNames: ['action', 'outcome'] as const,
    registers: [this.registry],
  });
  readonly clientzoneDuration = new Histogram({
    name: 'oxmail_clientzone_call_duration_seconds',
    help: 'Clientzone API call latency, by action',
    labelNames: ['action'] as const,
    buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });
  readonly stateConflicts = new Counter({
    name: 'oxmail_state_conflicts_total',
    help: 'Turns redone because a concurrent writer changed the conversation state',
    registers: [this.registry],
  });

  readonly turnLockWait = new Histogram({
    name: 'oxmail_turn_lock_wait_seconds',
    help: "Time a turn waited for its conversation's lock (in this process and, on PostgreSQL, across replicas)",
    buckets: [0.001, 0.005, 0.025, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [this.registry],
  });
  readonly turnLockTimeouts = new Counter({
    name: 'oxmail_turn_lock_timeouts_total',
    help: "Turns given up because another replica held the conversation's lock for too long",
    registers: [this.registry],
  });

  constructor(options: { defaultMetrics?: boolean } = {}) {
    if (options.defaultMetrics) collectDefaultMetrics({ register: this.registry });
  }

  recordClientzoneCall(action: string, outcome: string, ms: number): void {
    this.clientzoneCalls.inc({ action, outcome });
    this.clientzoneDuration.observe({ action }, ms / 1000);
  }
}
