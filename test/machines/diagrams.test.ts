import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'chai';
import { createMachine, fromPromise, not, setup } from 'xstate';
import {
  DIAGRAM_MACHINES,
  diagramDocPath,
  renderDiagramDoc,
} from '../../machines/diagrams/diagramDocs.js';
import { descendantsOf, toMermaid } from '../../machines/diagrams/toMermaid.js';

// Compiled to dist/test/machines/, so the repository root is three levels up.
const ROOT = path.resolve(__dirname, '..', '..', '..');

// The statement shapes toMermaid emits, each one the stateDiagram-v2 grammar accepts.
const STATEMENTS = [
  /^stateDiagram-v2$/,
  /^\s*(\[\*\]|\w+) --> (\w+|\[\*\])( : [^:;"#\s][^:;"#]*)?$/,
  /^\s*state (\w+|"[^"]+" as \w+)( \{)?$/,
  /^\s*(\}|--)$/,
  /^\s*classDef \w+ \S.*$/,
  /^\s*class \w+(,\w+)* \w+$/,
];

function readCommitted(relative: string): string | null {
  try {
    return readFileSync(path.join(ROOT, relative), 'utf8');
  } catch {
    return null;
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Lines outside note blocks that match none of the accepted statement shapes. */
function unacceptedLines(mermaid: string): string[] {
  const withoutNotes = mermaid.replace(/^\s*note (left|right) of \w+\n[\s\S]*?^\s*end note$/gm, '');
  return withoutNotes
    .split('\n')
    .filter((line) => line.trim() !== '')
    .filter((line) => !STATEMENTS.some((shape) => shape.test(line)));
}

const sample = setup({
  types: {} as { events: { type: 'go' } | { type: 'stop' } },
  actors: { fetchThing: fromPromise(async () => 1) },
  guards: {
    isReady: () => true,
    isSet: (_, params: { flag: string }) => params.flag === 'on',
  },
}).createMachine({
  id: 'sample',
  initial: 'idle',
  on: { stop: '.stopped', go: {} },
  states: {
    idle: {
      on: {
        go: [{ guard: 'isReady', target: 'working' }, { guard: not('isReady') }],
        stop: { guard: { type: 'isSet', params: { flag: 'on' } }, target: 'default' },
      },
    },
    working: {
      tags: ['busy'],
      invoke: { id: 'fetchThing', src: 'fetchThing', onDone: 'both', onError: 'idle' },
      after: { 500: 'idle' },
    },
    both: {
      type: 'parallel',
      states: {
        left: { initial: 'a', states: { a: { on: { go: 'b' } }, b: { type: 'final' } } },
        right: { initial: 'c', states: { c: { on: { stop: '#sample.stopped' } } } },
      },
    },
    default: { always: { target: 'stopped' } },
    stopped: { type: 'final' },
  },
});

describe('machine diagrams', () => {
  for (const entry of DIAGRAM_MACHINES) {
    const relative = diagramDocPath(entry);

    it(`when ${entry.name} is rendered, then ${relative} is up to date`, () => {
      const committed = readCommitted(relative);

      expect(committed, `${relative} is stale or missing: run npm run diagrams`).to.equal(
        renderDiagramDoc(entry),
      );
    });

    it(`when ${entry.name} is rendered, then every state appears in the diagram`, () => {
      const mermaid = toMermaid(entry.machine);

      const missing = descendantsOf(entry.machine.root)
        .map((node) => node.key)
        .filter(
          (key) => !new RegExp(`(^|[\\s"])${escapeRegExp(key)}($|[\\s"])`, 'm').test(mermaid),
        );

      expect(missing).to.deep.equal([]);
    });

    it(`when ${entry.name} is rendered twice, or rebuilt from its config, then the text is identical`, () => {
      const rebuilt = createMachine(entry.machine.config);

      const renderings = [toMermaid(entry.machine), toMermaid(entry.machine), toMermaid(rebuilt)];

      expect(new Set(renderings).size).to.equal(1);
    });

    it(`when ${entry.name} is rendered, then every line is a statement Mermaid accepts`, () => {
      const mermaid = toMermaid(entry.machine);

      expect(unacceptedLines(mermaid)).to.deep.equal([]);
    });
  }

  it('when a machine uses actors, delays, guards and nesting, then edges use short labels', () => {
    const mermaid = toMermaid(sample);

    const expected = [
      '  [*] --> idle',
      '  idle --> working : go [isReady]',
      '  idle --> idle : go [not isReady]',
      '  idle --> s_default : stop [isSet(on)]',
      '  working --> both : done fetchThing',
      '  working --> idle : error fetchThing',
      '  working --> idle : after 500ms',
      '  state "default" as s_default',
      '  s_default --> stopped : always',
      '  stopped --> [*]',
      '      both__left__a --> both__left__b : go',
      '      both__left__b --> [*]',
      '    --',
      '  both__right__c --> stopped : stop',
      '  anyState --> stopped : stop',
      '  class working busy',
    ];
    expect(expected.filter((line) => !mermaid.split('\n').includes(line))).to.deep.equal([]);
    expect(mermaid).to.match(
      /note right of anyState\n\s+In any state, without leaving it\n\s+go\n/,
    );
    expect(unacceptedLines(mermaid)).to.deep.equal([]);
  });
});
