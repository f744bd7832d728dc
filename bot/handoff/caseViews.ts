import type { Activity } from 'botbuilder';
import type { FlowStage } from '../../machines/caseStage.js';
import type { HandoffReason, HandoffState } from '../../machines/handoffTypes.js';
import type { HandoffRecord } from './handoffStore.js';

export interface CaseMessage {
  from: 'customer' | 'bot' | 'staff';
  name: string;
  text: string;
  at: string;
}

/** One line of the staff's queue or conversation list (docs/staff-api.md). */
export interface CaseSummary {
  conversationId: string;
  state: HandoffState;
  owner: string | null;
  position: number | null;
  queuedAt: string | null;
  waitingSeconds: number | null;
  customer: { clientId: number; name: string | null } | null;
  reason: HandoffReason | null;
  stage: FlowStage | null;
  lastMessages: CaseMessage[];
}

export interface CaseDetail extends CaseSummary {
  version: number;
  notes: { author: string; text: string; at: string }[];
}

/** How many messages a case card shows. */
export const CARD_MESSAGES = 6;

export function caseSummary(
  record: HandoffRecord,
  transcript: Partial<Activity>[],
  position: number | null,
  now: number,
): CaseSummary {
  return {
    conversationId: record.conversationId,
    state: record.state,
    owner: record.owner,
    position,
    queuedAt: record.queuedAt === null ? null : new Date(record.queuedAt).toISOString(),
    waitingSeconds:
      record.queuedAt === null ? null : Math.max(0, Math.round((now - record.queuedAt) / 1000)),
    customer: record.info.customer,
    reason: record.info.reason,
    stage: record.info.stage,
    lastMessages: transcript
      .map(caseMessage)
      .filter((m): m is CaseMessage => m !== null)
      .slice(-CARD_MESSAGES),
  };
}

export function caseDetail(
  record: HandoffRecord,
  transcript: Partial<Activity>[],
  position: number | null,
  now: number,
): CaseDetail {
  return {
    ...caseSummary(record, transcript, position, now),
    version: record.version,
    notes: transcript.filter(isNote).map((a) => {
      const value = a.value as { author?: string; text?: string };
      return { author: value.author ?? '', text: value.text ?? '', at: isoOf(a.timestamp) };
    }),
  };
}

function caseMessage(activity: Partial<Activity>): CaseMessage | null {
  if (activity.type !== 'message' || !activity.text) return null;
  const staff = (activity.channelData as { staff?: string } | undefined)?.staff;
  const from = activity.from?.role === 'user' ? 'customer' : staff ? 'staff' : 'bot';
  return {
    from,
    name: activity.from?.name ?? '',
    text: activity.text,
    at: isoOf(activity.timestamp),
  };
}

export function isNote(activity: Partial<Activity>): boolean {
  return activity.type === 'trace' && activity.name === 'staff.note';
}

function isoOf(timestamp: Date | string | undefined): string {
  return timestamp ? new Date(timestamp).toISOString() : '';
}
