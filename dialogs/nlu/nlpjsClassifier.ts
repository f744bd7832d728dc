import { containerBootstrap, Nlp, type NlpjsContainer } from '@nlpjs/basic';
import { LangId } from '@nlpjs/lang-id';
import type { Intent } from './keywordIntents.js';
import type { TrainingExample } from './intentCorpus.js';
import { canonicalWords } from './slang.js';

/** The classifier's view of a message: its best intent and every intent's share of the score. */
export interface Classification {
  intent: Intent;
  score: number;
  scoreOf(intent: Intent): number;
}

/**
 * Particles and articles that say nothing about the intent; left in, the small network learns
 * them as evidence ("aja" for downgrade) from a handful of sentences.
 */
const FILLERS = new Set(
  'saja deh dong sih nih kok lah yuk loh tuh nya kan ya hehe please the a an'.split(' '),
);

/**
 * Few passes and a slow rate stop the perceptron short of memorising the corpus; measured by
 * 5-fold cross-validation on the corpus (see test/dialogs/nlu/nluEvaluation.test.ts).
 */
const NETWORK = { iterations: 25, learningRate: 0.2 };
/**
 * One model for both languages, with the Indonesian stemmer: customers mix them within a sentence.
 * Separate or averaged id and en models measured no better in cross-validation.
 */
const LOCALE = 'id';

/** The words the network sees: canonical spellings, fillers left out. */
export function classifierInput(text: string): string {
  return canonicalWords(text)
    .filter((word) => !FILLERS.has(word))
    .join(' ');
}

/** An nlp.js neural intent classifier trained in memory from labelled sentences. */
export class NlpjsClassifier {
  private constructor(private readonly nlp: Nlp) {}

  /** Trains deterministically (no randomness in nlp.js's network) in a few hundred milliseconds. */
  static async train(examples: readonly TrainingExample[]): Promise<NlpjsClassifier> {
    const nlp = new Nlp({
      container: quietContainer(),
      languages: [LOCALE],
      autoLoad: false,
      autoSave: false,
      calculateSentiment: false,
      forceNER: false,
      threshold: 0,
      nlu: { log: false, useNoneFeature: true },
    });
    for (const example of examples) {
      const input = classifierInput(example.text);
      if (input !== '') nlp.addDocument(LOCALE, input, example.intent);
    }
    await nlp.train();
    return new NlpjsClassifier(nlp);
  }

  async classify(text: string): Promise<Classification> {
    const input = classifierInput(text);
    if (input === '') return fixedClassification('unknown', 1);
    const result = await this.nlp.process(LOCALE, input);
    const scores = new Map<string, number>();
    for (const { intent, score } of result.classifications) {
      const key = intent === 'None' ? 'unknown' : intent;
      scores.set(key, (scores.get(key) ?? 0) + score);
    }
    const intent = result.intent === 'None' ? 'unknown' : (result.intent as Intent);
    return { intent, score: scores.get(intent) ?? 0, scoreOf: (i) => scores.get(i) ?? 0 };
  }
}

function fixedClassification(intent: Intent, score: number): Classification {
  return { intent, score, scoreOf: (i) => (i === intent ? score : 0) };
}

/**
 * A container that reads no `.env`, `conf.json`, pipelines or plugins from the working directory
 * (nlp.js's defaults) and uses our network settings.
 */
function quietContainer(): NlpjsContainer {
  const container = containerBootstrap(
    { loadEnv: false, isChild: true, pathPipeline: [], pathPlugins: [] },
    false,
  );
  container.registerConfiguration(
    `domain-manager-${LOCALE}`,
    {
      nluByDomain: { default: { className: 'NeuralNlu', settings: NETWORK } },
      trainByDomain: false,
      useStemDict: true,
    },
    true,
  );
  container.use(LangId);
  return container;
}
