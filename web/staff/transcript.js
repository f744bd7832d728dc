import { strings } from './strings.js';

/**
 * Turns a Bot Framework `.transcript` (or a CaseDetail) into transcript entries
 * `{ from: customer | bot | staff | note | event, name, text, at }`.
 */
const STAFF_ROLES = new Set(['staff', 'agent', 'skill']);

function text(value) {
  return typeof value === 'string' ? value : '';
}

function isNote(a) {
  const data = a.channelData ?? {};
  return data.note === true || data.kind === 'note' || /note/i.test(text(a.name ?? a.label));
}

function isStaff(a) {
  const data = a.channelData ?? {};
  const id = text(a.from?.id);
  return STAFF_ROLES.has(a.from?.role) || Boolean(data.staff) || /^staff[:-]/.test(id);
}

/** A `handoff.status` event (accepted, transferred, completed...) in the console's words. */
function describeEvent(a, staffName) {
  const name = text(a.name ?? a.label ?? a.valueType) || a.type;
  const value = a.value && typeof a.value === 'object' ? a.value : {};
  const state = text(value.state);
  const who = staffName(text(value.staff) || text(value.owner) || text(value.to) || '?');
  const flow = Object.hasOwn(strings.flows, value.flow) ? ` (${strings.flows[value.flow]})` : '';
  const changes = strings.changes;
  if (name === 'handoff.initiate') return changes.queued;
  if (state === 'accepted') return changes.accepted(who);
  if (state === 'transferred') return changes.transferred(who);
  if (state === 'completed') return `${changes.handedBack}${flow}`;
  if (state === 'closed') return changes.closed;
  if (state === 'cancelled') return changes.cancelled;
  if (state === 'failed') return changes.failed;
  return [name, state].filter(Boolean).join(' · ');
}

function fromActivity(a, staffName) {
  const at = a.timestamp ?? a.localTimestamp ?? '';
  const name = text(a.from?.name);
  if (a.type === 'message') {
    const body = text(a.text) || (a.attachments?.length ? '[lampiran]' : '');
    if (!body) return null;
    if (isNote(a)) return { from: 'note', name, text: body, at };
    const from = a.from?.role === 'user' ? 'customer' : isStaff(a) ? 'staff' : 'bot';
    return { from, name, text: body, at };
  }
  if (a.type === 'event' || a.type === 'trace') {
    if (isNote(a)) {
      const body = text(a.text) || text(a.value?.text);
      return body ? { from: 'note', name: text(a.value?.author) || name, text: body, at } : null;
    }
    return { from: 'event', name: '', text: describeEvent(a, staffName), at };
  }
  return null;
}

/** Accepts the flat array or an object with a `transcript` field, skips what it cannot show. */
export function entriesFromTranscript(transcript, staffName) {
  const activities = Array.isArray(transcript) ? transcript : (transcript?.transcript ?? []);
  return activities
    .filter((a) => a && typeof a === 'object' && a.type)
    .map((a) => fromActivity(a, staffName))
    .filter(Boolean);
}

/** A CaseDetail's last messages and notes, oldest first (the fallback without a transcript). */
export function entriesFromDetail(detail) {
  const messages = (detail.lastMessages ?? []).map((m) => ({ ...m }));
  const notes = (detail.notes ?? []).map((n) => ({
    from: 'note',
    name: n.author,
    text: n.text,
    at: n.at,
  }));
  return sortByTime([...messages, ...notes]);
}

export function sortByTime(entries) {
  return entries
    .map((entry, index) => ({ entry, index, time: Date.parse(entry.at) || 0 }))
    .sort((a, b) => a.time - b.time || a.index - b.index)
    .map(({ entry }) => entry);
}

/**
 * Whether `entry` is already shown: the live event and the stored copy of one message carry the
 * same timestamp; the same words said again later are a new message.
 */
export function alreadyShown(entries, entry) {
  const time = Date.parse(entry.at) || 0;
  // What this console sent (a reply, a note) is shown when saved and comes back from the stream a
  // moment later with the server's time; the customer's and the bot's lines carry one timestamp.
  const tolerance = entry.from === 'note' || entry.from === 'staff' ? 5000 : 0;
  return entries.some(
    (e) =>
      e.from === entry.from &&
      e.text === entry.text &&
      Math.abs((Date.parse(e.at) || 0) - time) <= tolerance,
  );
}
