import { createActor, type Snapshot } from 'xstate';
import { handoffMachine } from '../../machines/handoffMachine.js';
import type { HandoffEvent, HandoffState } from '../../machines/handoffTypes.js';
import type { HandoffInfo, HandoffRecord } from './handoffStore.js';

const NEW_INFO: HandoffInfo = { customer: null, reason: null, stage: null, language: 'id' };

/**
 * The record after one handoff event, or null when the event means nothing in the current state
 * (e.g. accepting a conversation nobody queued). Pure: the caller saves it with compare-and-set.
 */
export function applyHandoffEvent(
  record: HandoffRecord | undefined,
  target: { conversationId: string; channelId: string },
  event: HandoffEvent,
  now: number,
): HandoffRecord | null {
  const snapshot = record?.snapshot as Snapshot<unknown> | null | undefined;
  const actor = snapshot ? createActor(handoffMachine, { snapshot }) : createActor(handoffMachine);
  actor.start();
  try {
    if (!actor.getSnapshot().can(event)) return null;
    actor.send(event);
    const after = actor.getSnapshot();
    return {
      conversationId: target.conversationId,
      channelId: record?.channelId ?? target.channelId,
      state: after.value as HandoffState,
      owner: after.context.owner,
      version: Math.max(after.context.version, (record?.version ?? 0) + 1),
      queuedAt: after.context.queuedAt ? Date.parse(after.context.queuedAt) : null,
      snapshot: actor.getPersistedSnapshot(),
      info: record?.info ?? NEW_INFO,
      updatedAt: now,
    };
  } finally {
    actor.stop();
  }
}
