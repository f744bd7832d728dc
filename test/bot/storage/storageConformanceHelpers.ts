import { expect } from 'chai';
import type { Storage, StoreItem } from 'botbuilder';

export interface StorageUnderTest {
  storage: Storage;
  /** Another instance on the same backing store, to test writers in different processes. */
  second?: Storage;
  cleanup(): Promise<void>;
}

export const FIVE_MB = 5 * 1024 * 1024;

export const UNUSUAL_KEYS = [
  'msteams/conversations/a:1/b/',
  'quotes \'single\' and "double" and `back`',
  '100% of _under_ and %25 escaped',
  'spaces  and\ttabs and\nnewline',
  'emoji 🤖💬 and 𝔘𝔫𝔦𝔠𝔬𝔡𝔢',
  'Percakapan pelanggan: paket surel bisnis, tagihan jatuh tempo',
  "'; DROP TABLE bot_state; --",
  `long/${'k'.repeat(1000)}/end`,
];

export async function conflictOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the write to reject with STORAGE_CONFLICT');
}

export function expectConflict(error: unknown): void {
  expect(error).to.be.instanceOf(Error);
  expect((error as { code?: unknown }).code).to.equal('STORAGE_CONFLICT');
}

export async function readOne(storage: Storage, key: string): Promise<StoreItem | undefined> {
  const items = await storage.read([key]);
  return items[key] as StoreItem | undefined;
}

export async function mustRead(storage: Storage, key: string): Promise<StoreItem> {
  const item = await readOne(storage, key);
  if (item === undefined) throw new Error(`expected "${key}" to be stored`);
  return item;
}

export function withoutETag(item: StoreItem | undefined): StoreItem | undefined {
  if (item === undefined) return undefined;
  const copy = { ...item };
  delete copy.eTag;
  return copy;
}

/** Increments `key`'s counter once, retrying from a fresh read on every eTag conflict. */
export async function incrementWithRetry(storage: Storage, key: string): Promise<number> {
  for (let attempt = 1; attempt <= 200; attempt += 1) {
    const current = await readOne(storage, key);
    const count = typeof current?.count === 'number' ? current.count : 0;
    try {
      await storage.write({ [key]: { count: count + 1, eTag: current?.eTag ?? 'absent' } });
      return attempt;
    } catch (error) {
      expectConflict(error);
    }
  }
  throw new Error('no progress after 200 attempts');
}
