import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  DIAGRAM_MACHINES,
  diagramDocPath,
  renderDiagramDoc,
} from '../machines/diagrams/diagramDocs.js';

// Compiled to dist/scripts/, so the repository root is two levels up.
const ROOT = path.resolve(__dirname, '..', '..');

async function readOrNull(file: string): Promise<string | null> {
  try {
    return await readFile(file, 'utf8');
  } catch {
    return null;
  }
}

async function main(check: boolean): Promise<number> {
  const stale: string[] = [];
  for (const entry of DIAGRAM_MACHINES) {
    const relative = diagramDocPath(entry);
    const file = path.join(ROOT, relative);
    const content = renderDiagramDoc(entry);
    if ((await readOrNull(file)) === content) {
      console.log(`up to date ${relative}`);
      continue;
    }
    stale.push(relative);
    if (check) continue;
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, content, 'utf8');
    console.log(`wrote ${relative}`);
  }
  if (check && stale.length > 0) {
    console.error(
      `Stale diagrams (run npm run diagrams):\n${stale.map((f) => `  ${f}`).join('\n')}`,
    );
    return 1;
  }
  return 0;
}

main(process.argv.includes('--check')).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  },
);
