import { z } from 'zod';
import corpusJson from './corpus/intents.json';
import type { Intent } from './keywordIntents.js';

/** Every intent the recognizer knows; `unknown` is trained too, from questions we do not handle. */
export const INTENTS = [
  'upgrade_package',
  'add_accounts',
  'downgrade',
  'human',
  'invoice_status',
  'cancel',
  'help',
  'greeting',
  'thanks',
  'unknown',
] as const satisfies readonly Intent[];

/** One labelled sentence to learn from. */
export interface TrainingExample {
  intent: Intent;
  text: string;
  language: 'id' | 'en';
}

const utterances = z.object({ id: z.array(z.string().min(1)), en: z.array(z.string().min(1)) });
const corpusSchema = z.object({
  description: z.string(),
  intents: z.record(z.enum(INTENTS), utterances),
});

/** The committed training corpus (dialogs/nlu/corpus/intents.json), validated, as examples. */
export function corpusExamples(): TrainingExample[] {
  const corpus = corpusSchema.parse(corpusJson);
  return INTENTS.flatMap((intent) => {
    const { id, en } = corpus.intents[intent];
    return [
      ...id.map((text): TrainingExample => ({ intent, text, language: 'id' })),
      ...en.map((text): TrainingExample => ({ intent, text, language: 'en' })),
    ];
  });
}
