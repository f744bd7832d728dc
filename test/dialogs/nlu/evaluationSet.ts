import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { INTENTS } from '../../../dialogs/nlu/intentCorpus.js';

const labelled = z.object({
  text: z.string().min(1),
  intent: z.enum(INTENTS),
  accounts: z.number().int().positive().optional(),
  lang: z.enum(['id', 'en']),
});

/** One utterance of the evaluation set with what the recognizer should find in it. */
export type LabelledUtterance = z.infer<typeof labelled>;

/** tsc does not copy JSONL: read the set from the source tree, wherever tests run from. */
const EVALUATION_DIR = [
  path.join(__dirname, 'evaluation'),
  path.join(__dirname, '../../../../test/dialogs/nlu/evaluation'),
  path.join(process.cwd(), 'test/dialogs/nlu/evaluation'),
].find((dir) => existsSync(path.join(dir, 'heldout.jsonl')));

/** Reads `heldout` (never trained on) or `training` (merged into the corpus). */
export function loadEvaluationSet(part: 'heldout' | 'training'): LabelledUtterance[] {
  if (EVALUATION_DIR === undefined) throw new Error('test/dialogs/nlu/evaluation not found');
  return readFileSync(path.join(EVALUATION_DIR, `${part}.jsonl`), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => labelled.parse(JSON.parse(line)));
}
