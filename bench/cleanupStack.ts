/**
 * What was started, to be closed last first. Every step runs even when one fails (spawned
 * processes and schemas must not outlive the bench); the first failure is rethrown at the end.
 */
export class CleanupStack {
  private readonly steps: (() => Promise<unknown>)[] = [];

  push(step: () => Promise<unknown>): void {
    this.steps.push(step);
  }

  /** Runs and forgets the steps, so a second call does nothing. */
  async run(): Promise<void> {
    let first: { error: unknown } | null = null;
    for (const step of this.steps.splice(0).reverse()) {
      try {
        await step();
      } catch (error) {
        first ??= { error };
      }
    }
    if (first) throw first.error;
  }
}
