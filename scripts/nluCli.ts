import { createInterface } from 'node:readline';
import type { RecognizedIntent } from '../dialogs/nlu/keywordIntents.js';
import { createNluRecognizer } from '../dialogs/nlu/nluRecognizer.js';

const USAGE =
  'usage: npm run --silent nlu -- "<text>"  |  npm run --silent nlu -- --jsonl < lines.txt';

/**
 * Prints what the recognizer makes of a text, as one JSON object per text on stdout:
 * `{"intent": ..., "score": ..., "entities": {...}}`. With --jsonl, one text per stdin line.
 */
async function main(args: string[]): Promise<number> {
  keepStdoutForResults();
  if (args.length === 0 || args[0] === '--help') {
    process.stderr.write(`${USAGE}\n`);
    return args.length === 0 ? 2 : 0;
  }
  const recognizer = await createNluRecognizer();
  if (args[0] !== '--jsonl') {
    print(await recognizer.recognize(args.join(' ')));
    return 0;
  }
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of lines) print(await recognizer.recognize(line));
  return 0;
}

function print(result: RecognizedIntent): void {
  const { intent, score, entities } = result;
  process.stdout.write(`${JSON.stringify({ intent, score, entities })}\n`);
}

/** nlp.js logs through console; evaluation tools read stdout, so console goes to stderr. */
function keepStdoutForResults(): void {
  const toStderr = (...args: unknown[]) => console.error(...args);
  console.log = toStderr;
  console.info = toStderr;
  console.debug = toStderr;
  console.warn = toStderr;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`nlu: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
