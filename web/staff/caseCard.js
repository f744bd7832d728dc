import { el } from './dom.js';
import { describeService, describeStage, factRows, formatDuration, formatTime } from './format.js';
import { strings } from './strings.js';

const LAST_MESSAGES_ON_CARD = 3;

export function customerName(summary) {
  const customer = summary.customer;
  if (!customer || customer.clientId === null || customer.clientId === undefined) {
    return strings.guest;
  }
  return customer.name || strings.clientId(customer.clientId);
}

export function stateLabel(state) {
  return Object.hasOwn(strings.states, state) ? strings.states[state] : String(state ?? '');
}

export function reasonLabel(reason) {
  return Object.hasOwn(strings.reasons, reason) ? strings.reasons[reason] : reason;
}

/** A live-updating "menunggu 2 mnt 5 dtk" (the ticker in console.js refreshes it). */
export function waitingBadge(summary, receivedAt) {
  if (summary.state !== 'queued' || typeof summary.waitingSeconds !== 'number') return null;
  const badge = el('span', {
    className: 'waiting',
    dataset: { waitingSeconds: String(summary.waitingSeconds), receivedAt: String(receivedAt) },
  });
  refreshWaiting(badge, Date.now());
  return badge;
}

export function refreshWaiting(badge, now) {
  const base = Number(badge.dataset.waitingSeconds);
  const since = Number(badge.dataset.receivedAt);
  badge.textContent = strings.waiting(formatDuration(base + (now - since) / 1000));
}

function messageLine(message) {
  const who = strings.from[message.from] ?? message.from;
  return el('li', { className: `card-message from-${message.from}` }, [
    el('span', { className: 'card-message-who', text: `${who}: ` }),
    el('span', { text: message.from === 'bot' ? message.text.replaceAll('**', '') : message.text }),
    message.at ? el('time', { dateTime: message.at, text: ` ${formatTime(message.at)}` }) : null,
  ]);
}

/** One queue or conversation entry: who, which service, where the flow stood, why, and the latest words. */
export function renderCaseCard(summary, { selected, unread, receivedAt, ownerName, onOpen }) {
  const id = summary.conversationId;
  const titleId = `card-${listKey(id)}`;
  const stage = describeStage(summary.stage);
  const service = describeService(summary.stage?.service);
  const last = (summary.lastMessages ?? []).slice(-LAST_MESSAGES_ON_CARD);
  const clientId = summary.customer?.clientId;
  return el(
    'article',
    {
      className: `case-card state-${summary.state}${selected ? ' selected' : ''}`,
      'aria-labelledby': titleId,
      dataset: { conversationId: id },
    },
    [
      el('div', { className: 'card-head' }, [
        el('h3', { className: 'card-title', id: titleId }, [
          el('button', {
            type: 'button',
            className: 'case-open',
            'aria-current': selected ? 'true' : null,
            text: customerName(summary),
            onclick: () => onOpen(id),
          }),
        ]),
        clientId !== null && clientId !== undefined
          ? el('span', { className: 'client-id', text: strings.clientId(clientId) })
          : null,
        unread ? el('span', { className: 'unread', text: strings.unread(unread) }) : null,
      ]),
      el('p', { className: 'card-status' }, [
        el('span', { className: `badge badge-${summary.state}`, text: stateLabel(summary.state) }),
        summary.state === 'queued' && summary.position
          ? el('span', { text: strings.position(summary.position) })
          : null,
        waitingBadge(summary, receivedAt),
        summary.owner ? el('span', { text: strings.owner(ownerName(summary.owner)) }) : null,
      ]),
      el('p', { className: 'card-service', text: service ?? strings.noService }),
      stage ? el('p', { className: 'card-stage', text: stage }) : null,
      summary.reason
        ? el('p', { className: 'card-reason', text: reasonLabel(summary.reason) })
        : null,
      last.length ? el('ul', { className: 'card-messages' }, last.map(messageLine)) : null,
    ],
  );
}

/** A conversation id as an element id fragment (ids may hold any character). */
export function listKey(id) {
  return Array.from(id, (c) => (/[A-Za-z0-9_-]/.test(c) ? c : `_${c.codePointAt(0)}`)).join('');
}

function row(term, description) {
  if (description === null || description === undefined || description === '') return [];
  return [el('dt', { text: term }), el('dd', { text: description })];
}

/** The case card of the open conversation: everything the staff member needs, no re-reading. */
export function renderCaseDetails(detail, staffName) {
  const clientId = detail.customer?.clientId;
  const customer =
    clientId !== null && clientId !== undefined
      ? `${customerName(detail)} · ${strings.clientId(clientId)}`
      : customerName(detail);
  const status = [
    stateLabel(detail.state),
    detail.owner ? strings.owner(staffName(detail.owner)) : null,
    detail.state === 'queued' && detail.position ? strings.position(detail.position) : null,
  ];
  return [
    ...row(strings.customerTitle, customer),
    ...row(strings.serviceTitle, describeService(detail.stage?.service) ?? strings.noService),
    ...row(strings.stageTitle, describeStage(detail.stage)),
    ...factRows(detail.stage?.facts).flatMap(([label, text]) => row(label, text)),
    ...row(strings.reasonTitle, detail.reason ? reasonLabel(detail.reason) : null),
    ...row(strings.statusTitle, status.filter(Boolean).join(' · ')),
  ];
}
