/** A channel account as Direct Line clients see it. */
export interface AccountJson {
  id: string;
  name?: string;
  role?: string;
}

/** An activity before the server stamps its id and timestamp. */
export interface NewActivity {
  type: string;
  channelId: string;
  conversation: { id: string };
  from: AccountJson;
  recipient?: AccountJson;
  replyToId?: string;
  channelData?: Record<string, unknown>;
  [field: string]: unknown;
}

/** An activity as Direct Line clients see it: plain JSON, id and timestamp stamped by the server. */
export interface DirectLineActivity extends NewActivity {
  id: string;
  timestamp: string;
}

/** What a stream frame or a GET of activities carries. */
export interface ActivitySet {
  activities: DirectLineActivity[];
  watermark: string;
}

/** A WebSocket (or anything else) that receives the conversation's activities as they happen. */
export interface ConversationSubscriber {
  deliver(set: ActivitySet): void;
  close(reason: string): void;
}

export interface ConversationLimits {
  maxActivities: number;
  maxSubscribers: number;
}

interface Stored {
  seq: number;
  activity: DirectLineActivity;
}

/**
 * One Direct Line conversation in memory: its bounded history (what GET activities and a socket's
 * replay read), the watermark, and the open sockets. Issue E persists the history.
 */
export class DirectLineConversation {
  started = false;
  locale: string | null = null;
  lastActiveMs: number;
  private readonly history: Stored[] = [];
  private readonly subscribers: ConversationSubscriber[] = [];
  private seq = 0;
  private typingSeq = 0;
  private lastTimestampMs = 0;

  constructor(
    readonly id: string,
    readonly userId: string,
    private readonly epoch: string,
    private readonly limits: ConversationLimits,
    private readonly now: () => Date,
  ) {
    this.lastActiveMs = now().getTime();
  }

  /** Stores an activity with a server id and timestamp, and pushes it to every open socket. */
  append(activity: NewActivity): DirectLineActivity {
    this.seq += 1;
    const stored = { ...activity, id: this.activityId(this.seq), timestamp: this.nextTimestamp() };
    this.history.push({ seq: this.seq, activity: stored });
    if (this.history.length > this.limits.maxActivities) this.history.shift();
    this.publish(stored);
    return stored;
  }

  /** Typing indicators go to open sockets only: Direct Line never returns them from GET. */
  broadcast(activity: NewActivity): DirectLineActivity {
    this.typingSeq += 1;
    const id = `${this.activityId(this.seq)}.t${this.typingSeq}`;
    const sent = { ...activity, id, timestamp: this.nextTimestamp() };
    this.publish(sent);
    return sent;
  }

  /** Activities after the watermark; a watermark of another server run means "everything". */
  after(watermark: string | null): ActivitySet {
    const from = this.parseWatermark(watermark);
    const activities = this.history.filter((s) => s.seq > from).map((s) => s.activity);
    return { activities, watermark: this.watermark };
  }

  get watermark(): string {
    return `${this.epoch}-${this.seq}`;
  }

  knows(activityId: string): boolean {
    return this.history.some((s) => s.activity.id === activityId);
  }

  /** Adds a socket; the oldest is closed when there are too many ("collision"). */
  subscribe(subscriber: ConversationSubscriber): () => void {
    this.subscribers.push(subscriber);
    while (this.subscribers.length > this.limits.maxSubscribers) {
      this.subscribers.shift()?.close('collision');
    }
    return () => {
      const at = this.subscribers.indexOf(subscriber);
      if (at >= 0) this.subscribers.splice(at, 1);
    };
  }

  get subscriberCount(): number {
    return this.subscribers.length;
  }

  closeAll(reason: string): void {
    for (const subscriber of this.subscribers.splice(0)) subscriber.close(reason);
  }

  private publish(activity: DirectLineActivity): void {
    this.lastActiveMs = this.now().getTime();
    const set = { activities: [activity], watermark: this.watermark };
    for (const subscriber of [...this.subscribers]) subscriber.deliver(set);
  }

  private activityId(seq: number): string {
    return `${this.id}|${this.epoch}.${String(seq).padStart(7, '0')}`;
  }

  /** Strictly increasing, so Web Chat (which sorts by timestamp) keeps the server's order. */
  private nextTimestamp(): string {
    this.lastTimestampMs = Math.max(this.now().getTime(), this.lastTimestampMs + 1);
    return new Date(this.lastTimestampMs).toISOString();
  }

  private parseWatermark(watermark: string | null): number {
    const match = /^([0-9a-z]+)-(\d{1,12})$/.exec(watermark ?? '');
    if (!match || match[1] !== this.epoch) return 0;
    return Number(match[2]);
  }
}
