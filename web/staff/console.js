import { api, hasCsrfToken } from './api.js';
import { wireActions } from './caseActions.js';
import { refreshWaiting, renderCaseCard } from './caseCard.js';
import { ConversationPanel } from './conversationPanel.js';
import { byId, el } from './dom.js';
import { connectEvents } from './liveEvents.js';
import { askForLogin } from './login.js';
import { strings } from './strings.js';
import { alreadyShown } from './transcript.js';

const me = { username: '', displayName: '', presence: 'away' };
const cases = { queue: [], conversations: [], receivedAt: new Map(), unread: new Map() };
const staffByName = new Map();
const staffName = (username) => staffByName.get(username)?.displayName || username;
const panel = new ConversationPanel({ me, staffName });
let events = null;
let resyncTimer = 0;
let loggingIn = false;

for (const node of document.querySelectorAll('[data-text]')) {
  node.textContent = strings[node.dataset.text];
}
for (const node of document.querySelectorAll('[data-label]')) {
  node.setAttribute('aria-label', strings[node.dataset.label]);
}
for (const button of document.querySelectorAll('[data-presence]')) {
  button.textContent = strings.presence[button.dataset.presence];
  button.addEventListener('click', () => setPresence(button.dataset.presence));
}
byId('logout').addEventListener('click', logout);
wireActions(panel, { me, staffName, onSessionLost: sessionLost, onCaseChanged: upsertCase });
window.setInterval(() => {
  for (const badge of document.querySelectorAll('.waiting')) refreshWaiting(badge, Date.now());
}, 1000);
start();

async function start() {
  if (hasCsrfToken()) {
    try {
      return enterConsole(await api.me());
    } catch {
      api.forget();
    }
  }
  enterConsole(await askForLogin());
}

function enterConsole(who) {
  Object.assign(me, who);
  byId('signed-in-as').textContent = `${strings.signedInAs} ${me.displayName || me.username}`;
  byId('session').hidden = false;
  byId('console-view').hidden = false;
  showPresence(me.presence);
  events = connectEvents({
    status: (s) => (byId('live-status').textContent = strings.live[s]),
    resync,
    refused: () => api.me().catch(failed),
    queue: (queue) => {
      cases.queue = queue;
      stamp(queue);
      queue.forEach((summary) => panel.update(summary));
      renderLists();
    },
    conversation: upsertCase,
    message: onMessage,
    typing: (t) => panel.showTyping(t.conversationId),
  });
  resync();
}

async function resync() {
  try {
    const [queue, conversations, staff] = await Promise.all([
      api.queue(),
      api.conversations(),
      api.staff(),
    ]);
    cases.queue = queue;
    cases.conversations = conversations;
    stamp(queue);
    stamp(conversations);
    setStaff(staff);
    renderLists();
    byId('global-error').textContent = '';
    await panel.refresh();
  } catch (error) {
    failed(error);
  }
}

function stamp(summaries) {
  for (const summary of summaries) cases.receivedAt.set(summary.conversationId, Date.now());
}

function setStaff(staff) {
  staffByName.clear();
  for (const member of staff) staffByName.set(member.username, member);
  panel.setStaff(staff);
}

/** A changed case from the stream or from an action's answer. */
function upsertCase(summary) {
  const id = summary.conversationId;
  const replace = (list) => list.map((c) => (c.conversationId === id ? { ...c, ...summary } : c));
  if (!cases.conversations.some((c) => c.conversationId === id)) {
    cases.conversations = [summary, ...cases.conversations];
  } else cases.conversations = replace(cases.conversations);
  cases.queue = replace(cases.queue).filter((c) => c.conversationId !== id || c.state === 'queued');
  cases.receivedAt.set(id, Date.now());
  panel.update(summary);
  renderLists();
}

function onMessage(message) {
  const id = message.conversationId;
  const known = cases.conversations.some((c) => c.conversationId === id);
  if (message.from !== 'note') {
    const line = { from: message.from, name: message.name, text: message.text, at: message.at };
    const add = (c) => {
      const lines = c.lastMessages ?? [];
      if (c.conversationId !== id || alreadyShown(lines, line)) return c;
      return { ...c, lastMessages: [...lines, line] };
    };
    cases.queue = cases.queue.map(add);
    cases.conversations = cases.conversations.map(add);
  }
  if (message.from === 'customer' && id !== panel.id) {
    cases.unread.set(id, (cases.unread.get(id) ?? 0) + 1);
  }
  panel.addMessage(message);
  renderLists();
  if (!known) {
    window.clearTimeout(resyncTimer);
    resyncTimer = window.setTimeout(resync, 500);
  }
}

function card(summary) {
  const id = summary.conversationId;
  return el('li', {}, [
    renderCaseCard(summary, {
      selected: id === panel.id,
      unread: cases.unread.get(id) ?? 0,
      receivedAt: cases.receivedAt.get(id) ?? Date.now(),
      ownerName: staffName,
      onOpen: openCase,
    }),
  ]);
}

function renderLists() {
  const focused = document.activeElement?.closest?.('.case-card')?.dataset.conversationId;
  const queued = new Set(cases.queue.map((c) => c.conversationId));
  const active = cases.conversations.filter((c) => !queued.has(c.conversationId));
  byId('queue-list').replaceChildren(...cases.queue.map(card));
  byId('queue-count').textContent = cases.queue.length ? `(${cases.queue.length})` : '';
  byId('queue-empty').hidden = cases.queue.length > 0;
  byId('active-list').replaceChildren(...active.map(card));
  byId('active-empty').hidden = active.length > 0;
  if (focused === undefined) return;
  for (const node of document.querySelectorAll('.case-card')) {
    if (node.dataset.conversationId === focused) node.querySelector('.case-open').focus();
  }
}

async function openCase(id) {
  cases.unread.delete(id);
  try {
    const opening = panel.open(id);
    renderLists();
    await opening;
    renderLists();
  } catch (error) {
    failed(error);
  }
}

async function setPresence(status) {
  try {
    const answer = await api.setPresence(status);
    showPresence(answer?.status ?? status);
  } catch (error) {
    failed(error);
  }
}

function showPresence(status) {
  me.presence = status;
  for (const button of document.querySelectorAll('[data-presence]')) {
    button.setAttribute('aria-pressed', String(button.dataset.presence === status));
  }
}

function failed(error) {
  if (error?.status === 401 || error?.code === 'csrf') return sessionLost();
  byId('global-error').textContent =
    error?.status === 0 ? strings.networkError : strings.unexpectedError(error?.status);
}

function sessionLost(message = strings.sessionExpired) {
  if (loggingIn) return;
  loggingIn = true;
  events?.close();
  events = null;
  api.forget();
  byId('console-view').hidden = true;
  byId('session').hidden = true;
  askForLogin(message).then((who) => {
    loggingIn = false;
    if (who.username !== me.username) location.reload();
    else enterConsole(who);
  });
}

async function logout() {
  events?.close();
  await api.logout().catch(() => {});
  location.reload();
}
