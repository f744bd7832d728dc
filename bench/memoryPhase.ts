import { memoryUsage } from 'node:process';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { BenchEnvironment } from './benchEnvironment.js';
import type { BenchPlan } from './benchPlan.js';
import type { Progress } from './benchPhases.js';
import { runLoad } from './loadDriver.js';
import { ANONYMOUS_PREFIX, anonymousScripts } from './scenarios.js';

/** A full GC when the runtime allows one (turned on here rather than by a node flag). */
function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  const gc = (globalThis as { gc?: () => void }).gc ?? (runInNewContext('gc') as () => void);
  gc();
  gc();
}

/** Memory after GC at two points, both with the sandbox thread stopped. */
export interface MemoryGrowth {
  from: { conversations: number; usage: NodeJS.MemoryUsage };
  to: { conversations: number; usage: NodeJS.MemoryUsage };
}

/**
 * Tops the no-Clientzone conversations of the SQLite bot up to the plan's count, measuring memory
 * before and after (run once the PostgreSQL bots are closed, so only the SQLite bot is in it).
 */
export async function measureRss(
  env: BenchEnvironment,
  plan: BenchPlan,
  progress: Progress,
): Promise<MemoryGrowth> {
  collectGarbage();
  const from = { conversations: progress.anonymousConversations, usage: memoryUsage() };
  const missing = plan.rssConversations - progress.anonymousConversations;
  if (missing > 0) {
    const result = await runLoad({
      messagesUrls: env.realBots.sqlite,
      concurrency: 32,
      conversations: missing,
      maxMs: plan.rssMaxMs,
      script: anonymousScripts(`${ANONYMOUS_PREFIX}rss-`),
    });
    progress.anonymousConversations += result.conversations;
  }
  collectGarbage();
  return { from, to: { conversations: progress.anonymousConversations, usage: memoryUsage() } };
}
