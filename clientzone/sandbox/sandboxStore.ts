import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { SandboxClock } from './sandboxClock.js';
import { SANDBOX_STATE_VERSION, type SandboxState } from './sandboxState.js';
import { createSeededState, loadSeedFixture } from './seed.js';

export type SandboxLog = (msg: string, data?: Record<string, unknown>) => void;

export interface SandboxStoreOptions {
  dataFile: string | null;
  seedFile: string;
  clock: SandboxClock;
  log: SandboxLog;
}

interface PersistedFile {
  version: number;
  state: SandboxState;
}

function isPersistedFile(value: unknown): value is PersistedFile {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<PersistedFile>;
  return candidate.version === SANDBOX_STATE_VERSION && typeof candidate.state === 'object';
}

/** Holds the whole sandbox state; every mutation is all-or-nothing and then written to disk. */
export class SandboxStore {
  private current: SandboxState;

  constructor(private readonly options: SandboxStoreOptions) {
    this.current = this.loadOrSeed();
  }

  /** Read-only view: callers must not modify it (use `mutate`). */
  get state(): SandboxState {
    return this.current;
  }

  /** Runs `change` on a copy; only if it returns normally does the copy become the state. */
  mutate<T>(change: (draft: SandboxState) => T): T {
    const draft = structuredClone(this.current);
    const result = change(draft);
    this.current = draft;
    this.persist();
    return result;
  }

  reset(): void {
    this.current = this.seed();
    this.persist();
    this.options.log('sandbox reseeded', { seededAt: this.current.seededAt });
  }

  private seed(): SandboxState {
    return createSeededState(loadSeedFixture(this.options.seedFile), this.options.clock.now());
  }

  private loadOrSeed(): SandboxState {
    const { dataFile, log } = this.options;
    if (dataFile && existsSync(dataFile)) {
      const parsed: unknown = JSON.parse(readFileSync(dataFile, 'utf8'));
      if (isPersistedFile(parsed)) {
        log('sandbox state loaded', { dataFile });
        return parsed.state;
      }
      log('sandbox data file has another version: reseeding', { dataFile });
    }
    const state = this.seed();
    this.current = state;
    this.persist();
    return state;
  }

  /** Write a temporary file then rename it, so a crash never leaves half a file. */
  private persist(): void {
    const { dataFile } = this.options;
    if (!dataFile) return;
    mkdirSync(path.dirname(dataFile), { recursive: true });
    const temporary = `${dataFile}.${process.pid}.tmp`;
    const body: PersistedFile = { version: SANDBOX_STATE_VERSION, state: this.current };
    writeFileSync(temporary, `${JSON.stringify(body, null, 2)}\n`);
    renameSync(temporary, dataFile);
  }
}
