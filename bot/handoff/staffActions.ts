import type { Activity } from 'botbuilder';
import { textsFor } from '../../dialogs/locales/index.js';
import type { HandbackFlow, HandoffEvent } from '../../machines/handoffTypes.js';
import { caseDetail, type CaseDetail } from './caseViews.js';
import type { CustomerMessenger, Speaker } from './customerMessenger.js';
import type { HandoffCore } from './handoffCore.js';
import type { HandoffRecord } from './handoffStore.js';
import type { StaffAccount } from './staffAccounts.js';

/** Why a staff action was refused; the routes map each to an HTTP status. */
export type StaffActionError =
  'not_found' | 'owned_by_other' | 'not_waiting' | 'not_owner' | 'unknown_staff';

export type StaffResult<T> =
  { ok: true; value: T } | { ok: false; error: StaffActionError; owner?: string | null };

/** Runs the bot again for a handed-back conversation, without waiting for the customer. */
export type BotResumer = (conversationId: string, flow: HandbackFlow) => Promise<void>;

/** The staff's side of the handoff: take, talk, note, transfer, hand back, close. */
export class StaffActions {
  private resumer: BotResumer | null = null;

  constructor(private readonly deps: { core: HandoffCore; messenger: CustomerMessenger }) {}

  /** Wired after the bot exists (the bot also depends on the handoff). */
  setResumer(resumer: BotResumer): void {
    this.resumer = resumer;
  }

  async detail(conversationId: string): Promise<StaffResult<CaseDetail>> {
    const record = await this.deps.core.get(conversationId);
    if (!record) return { ok: false, error: 'not_found' };
    const transcript = await this.deps.core.deps.transcripts.list(conversationId, 200);
    const position =
      record.state === 'queued' ? await this.deps.core.position(conversationId) : null;
    return { ok: true, value: caseDetail(record, transcript, position, this.deps.core.now()) };
  }

  async accept(
    conversationId: string,
    staff: StaffAccount,
    takeover = false,
  ): Promise<StaffResult<CaseDetail>> {
    const record = await this.deps.core.get(conversationId);
    if (!record) return { ok: false, error: 'not_found' };
    if (record.owner && record.owner !== staff.username)
      return { ok: false, error: 'owned_by_other', owner: record.owner };
    if (record.owner === staff.username) return this.detail(conversationId);
    const at = this.deps.core.deps.now().toISOString();
    const event: HandoffEvent =
      takeover && (record.state === 'bot' || record.state === 'closed')
        ? { type: 'staff.tookOver', staff: staff.username, at }
        : { type: 'staff.accepted', staff: staff.username, at };
    const changed = await this.deps.core.change(conversationId, record.channelId, event);
    if (!changed) return this.refusal(conversationId, staff, 'not_waiting');
    await this.tell(changed.after, (t) => t.common.handoff.accepted(staff.displayName), {
      state: 'accepted',
      staff: staff.username,
    });
    await this.deps.core.publishQueue();
    return this.detail(conversationId);
  }

  async message(
    conversationId: string,
    staff: StaffAccount,
    text: string,
  ): Promise<StaffResult<{ id: string; delivered: boolean }>> {
    const owned = await this.owned(conversationId, staff);
    if (!owned.ok) return owned;
    const delivered = await this.deps.messenger.send(
      conversationId,
      [{ type: 'message', text }],
      speaker(staff),
    );
    return { ok: true, value: { id: `${conversationId}:${this.deps.core.now()}`, delivered } };
  }

  async typing(conversationId: string, staff: StaffAccount): Promise<StaffResult<null>> {
    const owned = await this.owned(conversationId, staff);
    if (!owned.ok) return owned;
    await this.deps.messenger.send(conversationId, [{ type: 'typing' }], speaker(staff));
    return { ok: true, value: null };
  }

  async note(
    conversationId: string,
    staff: StaffAccount,
    text: string,
  ): Promise<StaffResult<{ id: string }>> {
    const record = await this.deps.core.get(conversationId);
    if (!record) return { ok: false, error: 'not_found' };
    const at = this.deps.core.deps.now();
    const note: Partial<Activity> = {
      type: 'trace',
      name: 'staff.note',
      label: 'note',
      value: { author: staff.username, text },
      timestamp: at,
    };
    await this.deps.core.deps.transcripts.append(conversationId, [note], at.getTime());
    this.deps.core.deps.events.publish({
      type: 'message',
      data: { conversationId, from: 'note', name: staff.displayName, text, at: at.toISOString() },
    });
    return { ok: true, value: { id: `${conversationId}:note:${at.getTime()}` } };
  }

  async transfer(
    conversationId: string,
    staff: StaffAccount,
    to: StaffAccount | undefined,
  ): Promise<StaffResult<CaseDetail>> {
    if (!to) return { ok: false, error: 'unknown_staff' };
    const owned = await this.owned(conversationId, staff);
    if (!owned.ok) return owned;
    const changed = await this.deps.core.change(conversationId, owned.value.channelId, {
      type: 'staff.transferred',
      to: to.username,
    });
    if (!changed) return this.refusal(conversationId, staff, 'not_owner');
    await this.tell(changed.after, (t) => t.common.handoff.transferred(to.displayName), {
      state: 'transferred',
      staff: to.username,
    });
    return this.detail(conversationId);
  }

  async handBack(
    conversationId: string,
    staff: StaffAccount,
    flow: HandbackFlow,
  ): Promise<StaffResult<CaseDetail>> {
    const result = await this.release(
      conversationId,
      staff,
      { type: 'staff.handedBack', flow },
      (t) => t.common.handoff.returned,
    );
    if (result.ok) await this.resumer?.(conversationId, flow);
    return result;
  }

  close(conversationId: string, staff: StaffAccount): Promise<StaffResult<CaseDetail>> {
    return this.release(
      conversationId,
      staff,
      { type: 'staff.closed' },
      (t) => t.common.handoff.closed,
    );
  }

  private async release(
    conversationId: string,
    staff: StaffAccount,
    event: HandoffEvent,
    text: (texts: ReturnType<typeof textsFor>) => string,
  ): Promise<StaffResult<CaseDetail>> {
    const owned = await this.owned(conversationId, staff);
    if (!owned.ok) return owned;
    const acceptedAt = Date.parse(
      (owned.value.snapshot as { context?: { acceptedAt?: string } })?.context?.acceptedAt ?? '',
    );
    const changed = await this.deps.core.change(conversationId, owned.value.channelId, event);
    if (!changed) return this.refusal(conversationId, staff, 'not_owner');
    if (Number.isFinite(acceptedAt))
      await this.deps.core.deps.store.recordHandling(
        this.deps.core.now() - acceptedAt,
        this.deps.core.now(),
      );
    await this.tell(changed.after, text, {
      state: event.type === 'staff.closed' ? 'closed' : 'completed',
      staff: staff.username,
    });
    return this.detail(conversationId);
  }

  private async owned(
    conversationId: string,
    staff: StaffAccount,
  ): Promise<StaffResult<HandoffRecord>> {
    const record = await this.deps.core.get(conversationId);
    if (!record) return { ok: false, error: 'not_found' };
    if (record.state !== 'withStaff' || record.owner !== staff.username)
      return { ok: false, error: 'not_owner', owner: record.owner };
    return { ok: true, value: record };
  }

  private async refusal(
    conversationId: string,
    staff: StaffAccount,
    fallback: StaffActionError,
  ): Promise<StaffResult<never>> {
    const record = await this.deps.core.get(conversationId);
    if (record?.owner && record.owner !== staff.username)
      return { ok: false, error: 'owned_by_other', owner: record.owner };
    return { ok: false, error: fallback, owner: record?.owner ?? null };
  }

  /** Tells the customer, and writes the handoff event into the transcript. */
  private async tell(
    record: HandoffRecord,
    text: (texts: ReturnType<typeof textsFor>) => string,
    status: { state: string; staff: string; flow?: string },
  ): Promise<void> {
    const texts = textsFor(record.info.language);
    const at = this.deps.core.deps.now();
    const event: Partial<Activity> = {
      type: 'event',
      name: 'handoff.status',
      value: status,
      timestamp: at,
    };
    await this.deps.core.deps.transcripts.append(record.conversationId, [event], at.getTime());
    await this.deps.messenger.send(
      record.conversationId,
      [{ type: 'message', text: text(texts) }],
      { role: 'bot' },
    );
  }
}

function speaker(staff: StaffAccount): Speaker {
  return { role: 'staff', username: staff.username, name: staff.displayName };
}
