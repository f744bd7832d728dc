import type { CloudAdapter } from 'botbuilder';
import { HANDBACK_EVENT } from '../../dialogs/humanRequest.js';
import type { HandbackFlow } from '../../machines/handoffTypes.js';
import type { ConversationReferences } from '../conversationReferences.js';
import { dropSyntheticReplyTo } from '../proactive.js';
import type { SupportBot } from '../supportBot.js';

/**
 * Runs a bot turn in a handed-back conversation, so the bot continues (resumes the flow, or
 * starts the chosen one) without waiting for the customer to type.
 */
export async function resumeConversation(
  deps: {
    adapter: CloudAdapter;
    references: ConversationReferences;
    bot: SupportBot;
    appId: string;
  },
  conversationId: string,
  flow: HandbackFlow,
): Promise<void> {
  const reference = await deps.references.find(conversationId);
  if (!reference) return;
  await deps.adapter.continueConversationAsync(deps.appId, reference, async (context) => {
    context.activity.type = 'event';
    context.activity.name = HANDBACK_EVENT;
    context.activity.value = { flow };
    dropSyntheticReplyTo(context);
    await deps.bot.run(context);
  });
}
