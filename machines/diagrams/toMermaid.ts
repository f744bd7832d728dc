import type { AnyStateMachine, AnyStateNode, AnyTransitionDefinition } from 'xstate';
import { mermaidText, stateId, transitionLabel } from './mermaidLabels.js';

/** The pseudo-state that carries the root's transitions, drawn once instead of from every state. */
export const ANY_STATE_ID = 'anyState';

const INDENT = '  ';

type Outgoing = [eventType: string | null, transition: AnyTransitionDefinition];
/** Edge lines keyed by the state whose block declares them (the root is the top level). */
type EdgesByBlock = Map<AnyStateNode, string[]>;

/**
 * Renders a machine's statechart as a Mermaid `stateDiagram-v2`, read from its state nodes.
 * Output follows definition order, so the same machine always renders the same text.
 */
export function toMermaid(machine: AnyStateMachine): string {
  const root = machine.root;
  const lines = [
    'stateDiagram-v2',
    ...renderChildren(root, 1, collectEdges(root)),
    ...renderRoot(root),
    ...renderBusy(root),
  ];
  return `${lines.join('\n')}\n`;
}

/** Every state node under `node`, depth first in definition order. */
export function descendantsOf(node: AnyStateNode): AnyStateNode[] {
  return Object.values(node.states).flatMap((child) => [child, ...descendantsOf(child)]);
}

function renderChildren(node: AnyStateNode, depth: number, edges: EdgesByBlock): string[] {
  const pad = INDENT.repeat(depth);
  const children = Object.values(node.states);
  const own = (edges.get(node) ?? []).map((edge) => pad + edge);
  if (node.type === 'parallel') {
    const regions = children.map((child) => renderDeclaration(child, depth, edges));
    // `--` separates concurrent regions, and the lexer accepts it only inside a composite.
    const separator = depth > 1 ? [`${pad}--`] : [];
    return [...regions.flatMap((r, i) => (i === 0 ? r : [...separator, ...r])), ...own];
  }
  return [
    ...(node.initial?.target ?? []).map((target) => `${pad}[*] --> ${stateId(target)}`),
    ...children.flatMap((child) => renderDeclaration(child, depth, edges)),
    ...own,
    ...children.filter((c) => c.type === 'final').map((c) => `${pad}${stateId(c)} --> [*]`),
  ];
}

function renderDeclaration(node: AnyStateNode, depth: number, edges: EdgesByBlock): string[] {
  const pad = INDENT.repeat(depth);
  const id = stateId(node);
  const history = node.type === 'history' ? ` (${node.history || 'shallow'} history)` : '';
  const label = mermaidText(node.key + history);
  const head = label === id ? `state ${id}` : `state "${label}" as ${id}`;
  if (Object.keys(node.states).length === 0) return label === id ? [] : [pad + head];
  return [`${pad}${head} {`, ...renderChildren(node, depth + 1, edges), `${pad}}`];
}

// Mermaid cannot draw an edge declared inside one composite to a state inside another, so each
// edge goes in the block of the innermost state that contains both of its ends.
function collectEdges(root: AnyStateNode): EdgesByBlock {
  const edges: EdgesByBlock = new Map();
  for (const node of descendantsOf(root)) {
    for (const [eventType, transition] of outgoing(node)) {
      const label = transitionLabel(eventType, transition);
      // A transition without a target runs its actions and stays put: draw it as a self-loop.
      const targets = transition.target?.length ? transition.target : [node];
      for (const target of targets) {
        const block = commonBlock(node, target);
        const line = `${stateId(node)} --> ${stateId(target)} : ${label}`;
        edges.set(block, [...(edges.get(block) ?? []), line]);
      }
    }
  }
  return edges;
}

function commonBlock(source: AnyStateNode, target: AnyStateNode): AnyStateNode {
  const targetAncestors = new Set(ancestorsOf(target));
  return ancestorsOf(source).find((a) => targetAncestors.has(a)) ?? source.machine.root;
}

function ancestorsOf(node: AnyStateNode): AnyStateNode[] {
  return node.parent ? [node.parent, ...ancestorsOf(node.parent)] : [];
}

function outgoing(node: AnyStateNode): Outgoing[] {
  const evented = [...node.transitions].flatMap(([eventType, transitions]) =>
    transitions.map((t): Outgoing => [eventType, t]),
  );
  const eventless = (node.always ?? []).map((t): Outgoing => [null, t]);
  return [...evented, ...eventless];
}

function renderRoot(root: AnyStateNode): string[] {
  const all = outgoing(root);
  if (all.length === 0) return [];
  const staying = all.filter(([, t]) => !t.target?.length);
  const moving = all.flatMap(([eventType, t]) =>
    (t.target ?? []).map(
      (to) => `${INDENT}${ANY_STATE_ID} --> ${stateId(to)} : ${transitionLabel(eventType, t)}`,
    ),
  );
  const lines = [
    `${INDENT}state "any state" as ${ANY_STATE_ID}`,
    `${INDENT}classDef global stroke-dasharray:4 4`,
    `${INDENT}class ${ANY_STATE_ID} global`,
    ...moving,
  ];
  if (staying.length === 0) return lines;
  return [
    ...lines,
    `${INDENT}note right of ${ANY_STATE_ID}`,
    `${INDENT}${INDENT}In any state, without leaving it`,
    ...staying.map(([eventType, t]) => `${INDENT}${INDENT}${transitionLabel(eventType, t)}`),
    `${INDENT}end note`,
  ];
}

function renderBusy(root: AnyStateNode): string[] {
  const busy = descendantsOf(root).filter((node) => node.tags.includes('busy'));
  if (busy.length === 0) return [];
  return [
    `${INDENT}classDef busy fill:#fff3cd,stroke:#b58105`,
    `${INDENT}class ${busy.map(stateId).join(',')} busy`,
  ];
}
