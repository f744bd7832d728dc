import { EventFactory, HandoffEventNames, type Activity, type TurnContext } from 'botbuilder';
import type { HumanRequest } from '../../dialogs/humanRequest.js';
import { textsFor } from '../../dialogs/locales/index.js';
import { turnInfoOf } from '../../dialogs/turnInfo.js';
import type { HandoffEvent } from '../../machines/handoffTypes.js';
import type { HandoffCore } from './handoffCore.js';
import { customerInfo, type TurnGate } from './handoffService.js';

const TRANSCRIPT_ACTIVITIES = 50;

/**
 * HANDOFF_MODE=external: the Bot Framework handoff protocol to an agent hub. `handoff.initiate`
 * carries the case context and the transcript; `handoff.status` (accepted, failed, completed)
 * comes back and moves the same ownership machine as the built-in console does.
 */
export class ExternalHandoff {
  constructor(private readonly core: HandoffCore) {}

  async initiate(context: TurnContext, request: HumanRequest, gate: TurnGate): Promise<void> {
    const { activity } = context;
    const info = turnInfoOf(context);
    const changed = await this.core.change(
      activity.conversation.id,
      activity.channelId,
      {
        type: 'customer.requested',
        reason: request.reason,
        at: this.core.deps.now().toISOString(),
        staffAvailable: true,
      },
      {
        customer: customerInfo(context),
        reason: request.reason,
        stage: request.stage,
        language: info.language,
      },
    );
    if (!changed) return;
    gate.version = changed.after.version;
    const activities = (await this.core.deps.transcripts.list(
      activity.conversation.id,
      TRANSCRIPT_ACTIVITIES,
    )) as Activity[];
    const handoffContext = {
      customer: customerInfo(context),
      reason: request.reason,
      stage: request.stage,
      language: info.language,
    };
    await context.sendActivity(
      EventFactory.createHandoffInitiation(context, handoffContext, { activities }),
    );
    await context.sendActivity(textsFor(info.language).common.handoff.connecting);
  }

  /** A `handoff.status` event from the hub; true when it was one. */
  async onStatus(context: TurnContext, gate: TurnGate): Promise<boolean> {
    const { activity } = context;
    if (activity.type !== 'event' || activity.name !== HandoffEventNames.HandoffStatus)
      return false;
    const state = (activity.value as { state?: string } | undefined)?.state;
    const event = statusEvent(state, this.core.deps.now().toISOString());
    if (!event) return true;
    const changed = await this.core.change(activity.conversation.id, activity.channelId, event);
    if (!changed) return true;
    gate.version = changed.after.version;
    const texts = textsFor(changed.after.info.language);
    if (state === 'failed')
      await context.sendActivity(texts.common.handoff.unavailable('noStaff', ''));
    if (state === 'completed') gate.then = 'resume';
    return true;
  }
}

function statusEvent(state: string | undefined, at: string): HandoffEvent | null {
  if (state === 'accepted') return { type: 'staff.accepted', staff: 'external', at };
  if (state === 'failed') return { type: 'customer.cancelled' };
  if (state === 'completed') return { type: 'staff.handedBack', flow: 'resume' };
  return null;
}
