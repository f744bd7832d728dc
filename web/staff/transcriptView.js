import { el } from './dom.js';
import { formatTime } from './format.js';
import { strings } from './strings.js';

function who(entry, staffName, customer) {
  if (entry.from === 'customer') return customer();
  if (entry.from === 'staff') return entry.name ? staffName(entry.name) : strings.from.staff;
  if (entry.from === 'note') {
    return entry.name ? `${strings.from.note} · ${staffName(entry.name)}` : strings.from.note;
  }
  return strings.from[entry.from] ?? entry.from;
}

/** `**bold**` as the chat shows it, built from text nodes (never parsed as HTML). */
function richText(text) {
  const parts = text.split('**');
  if (parts.length % 2 === 0) return text;
  return parts.map((part, index) => (index % 2 ? el('strong', { text: part }) : part));
}

function renderEntry(entry, staffName, customer) {
  const time = entry.at ? el('time', { dateTime: entry.at, text: formatTime(entry.at) }) : null;
  if (entry.from === 'event') {
    return el('li', { className: 'entry from-event' }, [
      el('span', { className: 'entry-text', text: entry.text }),
      time,
    ]);
  }
  return el('li', { className: `entry from-${entry.from}` }, [
    el('div', { className: 'entry-meta' }, [
      el('span', { className: 'entry-who', text: who(entry, staffName, customer) }),
      time,
    ]),
    el('p', { className: 'entry-text' }, entry.from === 'bot' ? richText(entry.text) : entry.text),
  ]);
}

/** The transcript list: whole re-render on open, append for live entries, stuck to the bottom. */
export class TranscriptView {
  constructor(scroller, list, staffName, customerName) {
    this.scroller = scroller;
    this.list = list;
    this.staffName = staffName;
    this.customerName = customerName;
    this.entries = [];
  }

  show(entries) {
    this.entries = [...entries];
    const items = entries.map((entry) => renderEntry(entry, this.staffName, this.customerName));
    this.list.replaceChildren(
      ...(items.length ? items : [el('li', { className: 'empty', text: strings.transcriptEmpty })]),
    );
    this.scroller.scrollTop = this.scroller.scrollHeight;
  }

  scrollToEnd() {
    this.scroller.scrollTop = this.scroller.scrollHeight;
  }

  append(entry) {
    const { scrollHeight, scrollTop, clientHeight } = this.scroller;
    const stick = scrollHeight - scrollTop - clientHeight < 80;
    if (this.entries.length === 0) this.list.replaceChildren();
    this.entries.push(entry);
    this.list.append(renderEntry(entry, this.staffName, this.customerName));
    if (stick) this.scroller.scrollTop = this.scroller.scrollHeight;
  }
}
