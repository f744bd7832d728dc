import { TurnContext, type ConversationReference } from 'botbuilder';
import type { KeyValueRecords } from './storage/kvRecords.js';

const NAMESPACE = 'conversation-references';
/** How many conversations' last written reference are remembered in memory. */
const MEMO_LIMIT = 10_000;

/**
 * Where to reach a conversation later (reminders, staff messages): stored from its turns,
 * rewritten only when the channel's address of it changes.
 */
export class ConversationReferences {
  private readonly known = new Map<string, string>();

  constructor(private readonly records: KeyValueRecords) {}

  async remember(context: TurnContext): Promise<void> {
    const reference = TurnContext.getConversationReference(context.activity);
    const conversationId = reference.conversation?.id;
    if (!conversationId) return;
    const { activityId: _ignored, ...stable } = reference;
    const serialized = JSON.stringify(stable);
    if (this.known.get(conversationId) === serialized) return;
    await this.records.put(NAMESPACE, conversationId, stable);
    if (this.known.size >= MEMO_LIMIT) this.known.clear();
    this.known.set(conversationId, serialized);
  }

  async find(conversationId: string): Promise<Partial<ConversationReference> | undefined> {
    return this.records.get<Partial<ConversationReference>>(NAMESPACE, conversationId);
  }
}
