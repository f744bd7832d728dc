import { api, transcriptUrl } from './api.js';
import { customerName, renderCaseDetails, stateLabel } from './caseCard.js';
import { byId, el } from './dom.js';
import { strings } from './strings.js';
import {
  alreadyShown,
  entriesFromDetail,
  entriesFromTranscript,
  sortByTime,
} from './transcript.js';
import { TranscriptView } from './transcriptView.js';

const TYPING_SHOWN_MS = 6000;
const TAKEOVER_STATES = new Set(['bot', 'offeringMessage', 'takingMessage']);

/** A change of hands as the log line the console adds while it watches. */
function describeChange(before, after, staffName) {
  const owner = after.owner ? staffName(after.owner) : '';
  if (after.state === 'withStaff' && before.state === 'withStaff') {
    return strings.changes.transferred(owner);
  }
  if (after.state === 'withStaff') return strings.changes.accepted(owner);
  if (after.state === 'queued') return strings.changes.queued;
  if (after.state === 'closed') return strings.changes.closed;
  if (after.state === 'bot' && before.state === 'withStaff') return strings.changes.handedBack;
  return strings.changes.other(stateLabel(after.state));
}

/** The open conversation: transcript, live messages, and the case card beside it. */
export class ConversationPanel {
  constructor({ me, staffName }) {
    this.me = me;
    this.staffName = staffName;
    this.detail = null;
    this.loading = null;
    this.pending = [];
    this.typingTimer = 0;
    this.view = new TranscriptView(byId('transcript-log'), byId('transcript'), staffName, () =>
      this.detail ? customerName(this.detail) : strings.from.customer,
    );
  }

  get id() {
    return this.loading ?? this.detail?.conversationId ?? null;
  }

  get isMine() {
    return this.detail?.state === 'withStaff' && this.detail.owner === this.me.username;
  }

  /** Loads the case and its stored transcript; live messages that arrive meanwhile are kept. */
  async open(id) {
    this.loading = id;
    this.pending = [];
    this.clearTyping();
    byId('action-notice').textContent = '';
    byId('action-error').textContent = '';
    let detail;
    let transcript;
    try {
      [detail, transcript] = await Promise.all([
        api.conversation(id),
        api.transcript(id).catch(() => null),
      ]);
    } finally {
      if (this.loading === id && !detail) this.loading = null;
    }
    if (this.loading !== id) return;
    this.loading = null;
    this.detail = detail;
    // The stored order is the truth; notes it lacks are slotted in by time.
    const stored = transcript
      ? entriesFromTranscript(transcript, this.staffName)
      : entriesFromDetail(detail);
    const notes = entriesFromDetail({ notes: detail.notes });
    const missing = notes.filter((n) => !alreadyShown(stored, n));
    byId('no-conversation').hidden = true;
    byId('conversation-body').hidden = false;
    byId('case-panel').hidden = false;
    this.view.show(missing.length ? sortByTime([...stored, ...missing]) : stored);
    for (const entry of this.pending) this.addMessage(entry);
    this.pending = [];
    const link = byId('download-transcript');
    link.setAttribute('href', transcriptUrl(id));
    link.setAttribute('download', `${id.replace(/[^\w.-]+/g, '_')}.transcript`);
    this.render();
    this.view.scrollToEnd();
    byId('conversation-title').focus();
  }

  /** Re-reads the case after a conflict (someone else took it, it was closed). */
  async refresh() {
    if (!this.detail) return;
    this.update(await api.conversation(this.detail.conversationId));
  }

  /** A CaseDetail from an action, or a live CaseSummary: notes a change of hands in the log. */
  update(summary) {
    if (!this.detail || summary.conversationId !== this.detail.conversationId) return;
    const before = this.detail;
    this.detail = { ...before, ...summary, notes: summary.notes ?? before.notes };
    if (before.state !== this.detail.state || before.owner !== this.detail.owner) {
      const text = describeChange(before, this.detail, this.staffName);
      this.view.append({ from: 'event', text, at: new Date().toISOString() });
    }
    this.render();
  }

  addMessage(message) {
    if (this.loading && message.conversationId === this.loading) {
      this.pending.push(message);
      return;
    }
    if (!this.detail || message.conversationId !== this.detail.conversationId) return;
    const entry = { from: message.from, name: message.name, text: message.text, at: message.at };
    if (message.from === 'customer') this.clearTyping();
    if (!alreadyShown(this.view.entries, entry)) this.view.append(entry);
  }

  showTyping(conversationId) {
    if (conversationId !== this.detail?.conversationId) return;
    byId('customer-typing').textContent = strings.customerTyping;
    window.clearTimeout(this.typingTimer);
    this.typingTimer = window.setTimeout(() => this.clearTyping(), TYPING_SHOWN_MS);
  }

  clearTyping() {
    window.clearTimeout(this.typingTimer);
    byId('customer-typing').textContent = '';
  }

  render() {
    const detail = this.detail;
    byId('conversation-title').textContent = customerName(detail);
    const owner = detail.owner
      ? detail.owner === this.me.username
        ? strings.ownerYou
        : strings.owner(this.staffName(detail.owner))
      : null;
    byId('conversation-status').textContent = [stateLabel(detail.state), owner]
      .filter(Boolean)
      .join(' · ');
    byId('case-details').replaceChildren(...renderCaseDetails(detail, this.staffName));
    this.renderControls();
  }

  renderControls() {
    const { state } = this.detail;
    const accept = byId('accept');
    const takeable = state === 'queued' || TAKEOVER_STATES.has(state);
    accept.hidden = !takeable;
    accept.textContent = state === 'queued' ? strings.accept : strings.takeover;
    accept.dataset.action = state === 'queued' ? 'accept' : 'takeover';
    const mine = this.isMine;
    for (const id of ['reply-text', 'reply-send']) byId(id).disabled = !mine;
    byId('reply-hint').textContent = mine ? '' : strings.replyDisabled;
    byId('reply-text').placeholder = mine ? strings.replyPlaceholder : '';
    for (const form of ['transfer-form', 'handback-form']) {
      for (const control of byId(form).elements) control.disabled = !mine;
    }
    byId('close-conversation').disabled = !mine;
    if (!byId('transfer-to').value) {
      for (const control of byId('transfer-form').elements) control.disabled = true;
    }
  }

  /** The other staff members, for transfers. */
  setStaff(staff) {
    const select = byId('transfer-to');
    const previous = select.value;
    const others = staff.filter((s) => s.username !== this.me.username);
    select.replaceChildren(
      ...others.map((s) =>
        el('option', {
          value: s.username,
          text: `${s.displayName || s.username} (${strings.presence[s.presence] ?? s.presence})`,
        }),
      ),
    );
    if (others.length === 0)
      select.append(el('option', { value: '', text: strings.transferNobody }));
    if (others.some((s) => s.username === previous)) select.value = previous;
    if (this.detail) this.renderControls();
  }
}
