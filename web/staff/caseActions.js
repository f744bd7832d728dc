import { api } from './api.js';
import { byId, el } from './dom.js';
import { strings } from './strings.js';

const TYPING_EVERY_MS = 3000;

/** What to tell the staff member when a call fails, from the error code (never its message). */
export function errorText(error, staffName) {
  switch (error.code) {
    case 'owned_by_other':
      return strings.ownedByOther(staffName(error.body.owner ?? '?'));
    case 'not_waiting':
      return strings.notWaiting;
    case 'not_owner':
      return strings.notOwner;
    case 'unknown_staff':
      return strings.unknownStaff;
    case 'not_found':
      return strings.notFound;
    case 'bad_request':
      return strings.badRequest;
    case 'network':
      return strings.networkError;
    default:
      return strings.unexpectedError(error.status);
  }
}

/** Wires the reply box, notes, transfer, hand-back, close and accept to the open conversation. */
export function wireActions(panel, { me, staffName, onSessionLost, onCaseChanged }) {
  const notice = byId('action-notice');
  const problem = byId('action-error');

  async function run(button, action, success) {
    const id = panel.id;
    if (!id) return false;
    notice.textContent = '';
    problem.textContent = '';
    button.disabled = true;
    try {
      const result = await action(id);
      if (result?.conversationId) {
        panel.update(result);
        onCaseChanged(result);
      }
      notice.textContent = typeof success === 'function' ? success(result) : success;
      return true;
    } catch (error) {
      if (error.status === 401 || error.code === 'csrf') {
        onSessionLost();
        return false;
      }
      problem.textContent = errorText(error, staffName);
      if (error.status === 409 || error.status === 404) await panel.refresh().catch(() => {});
      return false;
    } finally {
      button.disabled = false;
      if (panel.detail) panel.renderControls();
    }
  }

  const now = () => new Date().toISOString();
  const submitter = (form) => form.querySelector('button[type="submit"]');

  byId('accept').addEventListener('click', async (event) => {
    const takeover = event.currentTarget.dataset.action === 'takeover';
    const done = await run(
      event.currentTarget,
      takeover ? api.takeover : api.accept,
      strings.accepted,
    );
    if (done) byId('reply-text').focus();
  });

  const reply = byId('reply-text');
  byId('reply-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const text = reply.value.trim();
    if (!text || !panel.isMine) return;
    const sent = await run(submitter(event.currentTarget), (id) => api.send(id, text), '');
    if (!sent) return;
    panel.addMessage({
      conversationId: panel.id,
      from: 'staff',
      name: me.username,
      text,
      at: now(),
    });
    reply.value = '';
    reply.focus();
  });
  reply.addEventListener('keydown', (event) => {
    if (event.key !== 'Enter' || event.shiftKey || event.isComposing) return;
    event.preventDefault();
    byId('reply-form').requestSubmit();
  });
  let lastTyping = 0;
  reply.addEventListener('input', () => {
    if (!panel.isMine || Date.now() - lastTyping < TYPING_EVERY_MS) return;
    lastTyping = Date.now();
    api.typing(panel.id).catch(() => {});
  });

  const note = byId('note-text');
  byId('note-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const text = note.value.trim();
    if (!text) return;
    const saved = await run(
      submitter(event.currentTarget),
      (id) => api.note(id, text),
      strings.noteSaved,
    );
    if (!saved) return;
    panel.addMessage({
      conversationId: panel.id,
      from: 'note',
      name: me.username,
      text,
      at: now(),
    });
    note.value = '';
  });

  byId('transfer-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const to = byId('transfer-to').value;
    if (!to) return;
    run(
      submitter(event.currentTarget),
      (id) => api.transfer(id, to),
      strings.transferred(staffName(to)),
    );
  });

  const flow = byId('handback-flow');
  flow.replaceChildren(
    ...Object.entries(strings.flows).map(([value, text]) => el('option', { value, text })),
  );
  byId('handback-form').addEventListener('submit', (event) => {
    event.preventDefault();
    run(submitter(event.currentTarget), (id) => api.handback(id, flow.value), strings.handedBack);
  });

  byId('close-conversation').addEventListener('click', (event) => {
    run(event.currentTarget, api.close, strings.closed);
  });
}
