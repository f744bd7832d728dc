import type { AnyStateNode, AnyTransitionDefinition } from 'xstate';

// Words the stateDiagram lexer reads as keywords when they start a statement.
const RESERVED_IDS = new Set([
  'accdescr',
  'acctitle',
  'class',
  'classdef',
  'default',
  'direction',
  'end',
  'hide',
  'note',
  'scale',
  'state',
]);

/**
 * Mermaid ends a transition label at `:` or `;`, ends a quoted name at `"`, and reads `#` as a
 * comment or an entity code, so these are replaced rather than escaped.
 */
export function mermaidText(text: string): string {
  return text
    .replace(/[:;"#\r\n]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The Mermaid id of a state: its path, restricted to word characters (`class` accepts only those). */
export function stateId(node: AnyStateNode): string {
  const id = node.path.map((key) => key.replace(/\W/g, '_')).join('__');
  const lower = id.toLowerCase();
  // The lexer matches `default` as a keyword even when it only starts a longer word.
  return RESERVED_IDS.has(lower) || lower.startsWith('default') ? `s_${id}` : id;
}

/** How a guard reads on an edge: its name, primitive params in parentheses, combinators in words. */
export function guardLabel(guard: unknown): string {
  if (typeof guard === 'string') return guard;
  if (typeof guard === 'function') {
    const parts: unknown = (guard as { guards?: unknown }).guards;
    if (!Array.isArray(parts)) return guard.name || 'inline';
    const inner = parts.map((part) => {
      const label = guardLabel(part);
      return label.includes(' ') ? `(${label})` : label;
    });
    return guard.name === 'not' ? `not ${inner.join(' ')}` : inner.join(` ${guard.name} `);
  }
  if (isRecord(guard) && typeof guard.type === 'string') return guard.type + paramsLabel(guard);
  return 'guard';
}

/** How an event reads on an edge: XState's generated event types are shortened. */
export function eventLabel(eventType: string, source: AnyStateNode): string {
  const done = /^xstate\.done\.actor\.(.+)$/.exec(eventType);
  if (done) return `done ${done[1]}`;
  const error = /^xstate\.error\.actor\.(.+)$/.exec(eventType);
  if (error) return `error ${error[1]}`;
  if (eventType.startsWith('xstate.done.state.')) return 'onDone';
  const suffix = `.${source.id}`;
  if (eventType.startsWith('xstate.after.') && eventType.endsWith(suffix)) {
    const delay = eventType.slice('xstate.after.'.length, -suffix.length);
    return /^\d+$/.test(delay) ? `after ${delay}ms` : `after ${delay}`;
  }
  return eventType;
}

/** The label of one transition: `event [guard]`, or for eventless ones `[guard]` or `always`. */
export function transitionLabel(eventType: string | null, transition: AnyTransitionDefinition) {
  const guard = transition.guard === undefined ? null : `[${guardLabel(transition.guard)}]`;
  if (eventType === null) return mermaidText(guard ?? 'always');
  const event = eventLabel(eventType, transition.source);
  return mermaidText(guard ? `${event} ${guard}` : event);
}

function paramsLabel(guard: Record<string, unknown>): string {
  const params = guard.params;
  if (!isRecord(params)) return '';
  const values = Object.values(params);
  const primitive = values.every((v) => ['string', 'number', 'boolean'].includes(typeof v));
  return primitive && values.length > 0 ? `(${values.map(String).join(', ')})` : '';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
