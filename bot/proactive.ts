import type { TurnContext } from 'botbuilder';

/**
 * A proactive turn replies to a synthetic activity whose id means nothing to the channel (Web Chat
 * holds such replies back): its sends go out without `replyToId`.
 */
export function dropSyntheticReplyTo(context: TurnContext): void {
  context.onSendActivities((_ctx, activities, next) => {
    for (const activity of activities) delete activity.replyToId;
    return next();
  });
}
