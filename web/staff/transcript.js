/**
 * Turns a Bot Framework `.transcript` (or a CaseDetail) into transcript entries
 * `{ from: customer | bot | staff | note | event, name, text, at }`.
 */
const STAFF_ROLES = new Set(['staff', 'agent', 'skill']);
const HANDOFF_STATES = {
  accepted: 'diambil CS',
  completed: 'dikembalikan ke bot',
  failed: 'gagal',
  queued: 'masuk antrean',
  transferred: 'dialihkan',
  cancelled: 'dibatalkan pelanggan',
  closed: 'ditutup',
};

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

function describeEvent(a) {
  const name = text(a.name ?? a.label ?? a.valueType) || a.type;
  const value = a.value && typeof a.value === 'object' ? a.value : {};
  const state = text(value.state) || text(value.status) || text(value.event);
  const who = text(value.staff) || text(value.owner) || text(value.to);
  const flow = text(value.flow);
  const parts = [name.startsWith('handoff.') ? 'Handoff' : name];
  if (state) parts.push(HANDOFF_STATES[state] ?? state);
  if (who) parts.push(who);
  if (flow) parts.push(`alur ${flow}`);
  return parts.join(' · ');
}

function fromActivity(a) {
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
    return { from: 'event', name: '', text: describeEvent(a), at };
  }
  return null;
}

/** Accepts the flat array or an object with a `transcript` field, skips what it cannot show. */
export function entriesFromTranscript(transcript) {
  const activities = Array.isArray(transcript) ? transcript : (transcript?.transcript ?? []);
  return activities
    .filter((a) => a && typeof a === 'object' && a.type)
    .map(fromActivity)
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

/** Whether `entry` is already shown (the live event and the stored copy of one message). */
export function alreadyShown(entries, entry) {
  const time = Date.parse(entry.at) || 0;
  return entries.some(
    (e) =>
      e.from === entry.from &&
      e.text === entry.text &&
      Math.abs((Date.parse(e.at) || 0) - time) < 5000,
  );
}
