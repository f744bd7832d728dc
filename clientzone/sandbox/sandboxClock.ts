/** The injected clock, shifted by `POST /__sandbox/clock`. */
export class SandboxClock {
  private offsetMs = 0;

  constructor(private readonly base: () => Date) {}

  now(): Date {
    return new Date(this.base().getTime() + this.offsetMs);
  }

  /** Makes `now()` return `target` at this instant and keep running from there; null undoes it. */
  set(target: Date | null): void {
    this.offsetMs = target === null ? 0 : target.getTime() - this.base().getTime();
  }

  get offset(): number {
    return this.offsetMs;
  }
}
