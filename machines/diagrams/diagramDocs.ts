import type { AnyStateMachine, AnyStateNode } from 'xstate';
import { downgradeMachine } from '../downgradeMachine.js';
import { handoffMachine } from '../handoffMachine.js';
import { upgradeMachine } from '../upgradeMachine.js';
import { descendantsOf, toMermaid } from './toMermaid.js';

/** A machine with a committed diagram; `name` is its export, which also names its source file. */
export interface DiagramEntry {
  name: string;
  machine: AnyStateMachine;
}

/** Every machine drawn into docs/: adding a machine is one line here. */
export const DIAGRAM_MACHINES: readonly DiagramEntry[] = [
  { name: 'upgradeMachine', machine: upgradeMachine },
  { name: 'downgradeMachine', machine: downgradeMachine },
  { name: 'handoffMachine', machine: handoffMachine },
];

/** Where an entry's diagram lives, relative to the repository root. */
export function diagramDocPath(entry: DiagramEntry): string {
  return `docs/${entry.name}.md`;
}

/** The whole Markdown file for one machine: heading, Mermaid block and a list of its states. */
export function renderDiagramDoc(entry: DiagramEntry): string {
  const source = `machines/${entry.name}.ts`;
  return [
    `# ${entry.name}`,
    '',
    `Generated from [\`${source}\`](../${source}) by \`npm run diagrams\`: do not edit by hand.`,
    'Shaded states are busy (tagged `busy`: waiting on an invoked actor). `any state` carries the',
    'root-level transitions, which apply in every state.',
    '',
    '```mermaid',
    toMermaid(entry.machine).trimEnd(),
    '```',
    '',
    '## States',
    '',
    ...descendantsOf(entry.machine.root).map(stateLine),
    '',
  ].join('\n');
}

function stateLine(node: AnyStateNode): string {
  const traits = [node.type === 'atomic' ? '' : node.type, ...node.tags].filter(Boolean);
  const name = `\`${node.path.join('.')}\`${traits.length > 0 ? ` (${traits.join(', ')})` : ''}`;
  const description = node.description?.replace(/\s+/g, ' ').trim();
  return description ? `- ${name}: ${description}` : `- ${name}`;
}
