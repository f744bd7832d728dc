import http from 'node:http';

/** One conversation to drive: what the user says, turn by turn, and how to judge the outcome. */
export interface ConversationScript {
  conversationId: string;
  texts: string[];
  /** Sent in `channelData.identityToken` on every turn; none means an anonymous visitor. */
  identityToken?: string;
  /** Judges the reply texts of the last turn; a message explains a failure, null is success. */
  checkLast?: (replies: string[]) => string | null;
  /** Called, not awaited, once the conversation is over (also after a failure): untimed work. */
  finished?: (lastReplies: string[]) => void;
}

export interface LoadOptions {
  /** Each conversation's turns go round these in turn, starting one further per conversation. */
  messagesUrls: readonly string[];
  /** Conversations in flight at once; each one sends its next turn after the previous reply. */
  concurrency: number;
  /** Stop after this many conversations... */
  conversations: number;
  /** ...or once this much time has passed (no new conversation starts after it). */
  maxMs: number;
  /** May wait (e.g. for a free test client); that wait is outside every turn's latency. */
  script: (index: number) => ConversationScript | Promise<ConversationScript>;
}

export interface LoadResult {
  conversations: number;
  turns: number;
  /** Wall time of the whole run, first request to last reply. */
  elapsedMs: number;
  latenciesMs: number[];
  failures: number;
  firstFailure: string | null;
}

interface TurnOutcome {
  status: number;
  replies: string[];
}

const SERVICE_URL = 'http://127.0.0.1:9';
/** The channel id of every activity the bench sends (state keys start with it). */
export const BENCH_CHANNEL_ID = 'bench';

/** Drives conversations over HTTP with `deliveryMode: expectReplies`, timing every turn. */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.concurrency });
  const result: LoadResult = {
    conversations: 0,
    turns: 0,
    elapsedMs: 0,
    latenciesMs: [],
    failures: 0,
    firstFailure: null,
  };
  const started = performance.now();
  const deadline = started + options.maxMs;
  let next = 0;
  const worker = async () => {
    while (next < options.conversations && performance.now() < deadline) {
      const index = next;
      next += 1;
      const script = await options.script(index);
      const urls = options.messagesUrls;
      const urlOf = (turn: number) => urls[(index + turn) % urls.length];
      await driveConversation(urlOf, agent, script, result);
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  result.elapsedMs = performance.now() - started;
  agent.destroy();
  return result;
}

async function driveConversation(
  urlOf: (turn: number) => string,
  agent: http.Agent,
  script: ConversationScript,
  result: LoadResult,
): Promise<void> {
  let replies: string[] = [];
  try {
    for (const [turn, text] of script.texts.entries()) {
      const body = JSON.stringify(activityOf(script, turn, text));
      const begin = process.hrtime.bigint();
      // A refused or reset connection (a bot process that died) fails this conversation only.
      const outcome = await post(urlOf(turn), agent, body).catch((error: Error) => error);
      if (outcome instanceof Error) {
        return fail(result, `${script.conversationId} turn ${turn}: ${outcome.message}`);
      }
      result.latenciesMs.push(Number(process.hrtime.bigint() - begin) / 1e6);
      result.turns += 1;
      if (outcome.status !== 200 || outcome.replies.length === 0) {
        return fail(result, `${script.conversationId} turn ${turn}: HTTP ${outcome.status}`);
      }
      replies = outcome.replies;
    }
    result.conversations += 1;
    const problem = script.checkLast?.(replies) ?? null;
    if (problem) fail(result, `${script.conversationId}: ${problem}`);
  } finally {
    script.finished?.(replies);
  }
}

function fail(result: LoadResult, message: string): void {
  result.failures += 1;
  result.firstFailure ??= message;
}

function activityOf(script: ConversationScript, turn: number, text: string) {
  return {
    type: 'message',
    id: `${script.conversationId}-${turn}`,
    timestamp: new Date().toISOString(),
    channelId: BENCH_CHANNEL_ID,
    serviceUrl: SERVICE_URL,
    deliveryMode: 'expectReplies',
    from: { id: `user-${script.conversationId}`, name: 'Bench' },
    recipient: { id: 'bot', name: 'bot' },
    conversation: { id: script.conversationId },
    locale: 'id-ID',
    text,
    channelData: script.identityToken ? { identityToken: script.identityToken } : undefined,
  };
}

function post(url: string, agent: http.Agent, body: string): Promise<TurnOutcome> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      {
        method: 'POST',
        agent,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({ status: res.statusCode ?? 0, replies: replyTexts(text) });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** The texts of the message activities of an `expectReplies` response body. */
function replyTexts(body: string): string[] {
  try {
    const parsed = JSON.parse(body) as { activities?: { type?: string; text?: string }[] };
    return (parsed.activities ?? [])
      .filter((activity) => activity.type === 'message')
      .map((activity) => activity.text ?? '');
  } catch {
    return [];
  }
}

/** Nearest-rank percentile of unsorted samples. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/** Pools the rounds of one measurement (run alternately with the baseline's rounds). */
export function mergeResults(results: readonly LoadResult[]): LoadResult {
  return {
    conversations: results.reduce((sum, r) => sum + r.conversations, 0),
    turns: results.reduce((sum, r) => sum + r.turns, 0),
    elapsedMs: results.reduce((sum, r) => sum + r.elapsedMs, 0),
    latenciesMs: results.flatMap((r) => r.latenciesMs),
    failures: results.reduce((sum, r) => sum + r.failures, 0),
    firstFailure: results.find((r) => r.firstFailure)?.firstFailure ?? null,
  };
}
