import { recognizeCommand } from './commands.js';
import { extractEntities } from './entities.js';
import { corpusExamples, type TrainingExample } from './intentCorpus.js';
import { moneyCue, type PackageDirection } from './intentCues.js';
import type { Intent, IntentRecognizer, RecognizedIntent } from './keywordIntents.js';
import { classifierInput, NlpjsClassifier, type Classification } from './nlpjsClassifier.js';
import { targetPackageName } from './packageNames.js';

/**
 * Confidence the classifier needs, chosen by 5-fold cross-validation on the corpus: below
 * `intent` the answer is `unknown`; a money-moving intent needs `moneyMoving`, or `moneyCue` when
 * an unambiguous word agrees ("upgrade", "tambah akun"). At these values no cross-validated
 * sentence started a wrong money-moving flow.
 */
export const NLU_THRESHOLDS = { intent: 0.5, moneyMoving: 0.9, moneyCue: 0.4 } as const;

const MONEY_MOVING = new Set<Intent>(['upgrade_package', 'add_accounts', 'downgrade']);

/** The OX Mail packages of the sandbox catalogue, used when the caller names none. */
export const DEFAULT_PACKAGE_NAMES: readonly string[] = [
  'OX Mail Starter',
  'OX Mail Business',
  'OX Mail Enterprise',
];

/** How to build a recognizer; every option has a default. */
export interface NluOptions {
  /** Catalogue package names from the smallest to the largest, matched loosely ("paket bisnis"). */
  packageNames?: readonly string[];
  /** Training sentences; the committed corpus when left out. */
  examples?: readonly TrainingExample[];
}

/**
 * Recognises intents and entities in informal Indonesian and English with an nlp.js model trained
 * from the corpus when constructed; `recognize` waits until training is done.
 */
export class NluRecognizer implements IntentRecognizer {
  private readonly classifier: Promise<NlpjsClassifier>;
  private readonly packageNames: readonly string[];

  constructor(options: NluOptions = {}) {
    this.packageNames = options.packageNames ?? DEFAULT_PACKAGE_NAMES;
    this.classifier = options.examples
      ? NlpjsClassifier.train(options.examples)
      : corpusClassifier();
  }

  /** Resolves once the model is trained (rejects if training failed). */
  async ready(): Promise<void> {
    await this.classifier;
  }

  async recognize(text: string): Promise<RecognizedIntent> {
    const message = text.slice(0, 1000);
    const { intent, score } = await this.intentOf(message);
    const entities = extractEntities(message, { intent, packageNames: this.packageNames });
    return { intent, score, entities };
  }

  private async intentOf(text: string): Promise<{ intent: Intent; score: number }> {
    const command = recognizeCommand(text);
    if (command) return { intent: command, score: 1 };
    const classification = await (await this.classifier).classify(text);
    const cue = moneyCue(classifierInput(text).split(' '), this.directionOf(text));
    return decideIntent(classification, cue);
  }

  private directionOf(text: string): PackageDirection {
    const target = targetPackageName(text, this.packageNames);
    if (target === undefined || this.packageNames.length < 2) return null;
    if (target === this.packageNames[this.packageNames.length - 1]) return 'up';
    return target === this.packageNames[0] ? 'down' : null;
  }
}

let sharedCorpusClassifier: Promise<NlpjsClassifier> | undefined;

/** Training is deterministic, so every recognizer of the committed corpus shares one model. */
function corpusClassifier(): Promise<NlpjsClassifier> {
  sharedCorpusClassifier ??= NlpjsClassifier.train(corpusExamples());
  return sharedCorpusClassifier;
}

/** Trains a recognizer and resolves when it is ready to answer. */
export async function createNluRecognizer(options: NluOptions = {}): Promise<NluRecognizer> {
  const recognizer = new NluRecognizer(options);
  await recognizer.ready();
  return recognizer;
}

/** Applies the thresholds; the score is the confidence in the answer given. */
function decideIntent(
  classification: Classification,
  cue: Intent | null,
): { intent: Intent; score: number } {
  if (cue && classification.scoreOf(cue) >= NLU_THRESHOLDS.moneyCue) {
    return { intent: cue, score: round(classification.scoreOf(cue)) };
  }
  const { intent, score } = classification;
  if (intent === 'unknown') return { intent, score: round(score) };
  const contradicted = MONEY_MOVING.has(intent) && cue !== null && cue !== intent;
  const needed = MONEY_MOVING.has(intent) ? NLU_THRESHOLDS.moneyMoving : NLU_THRESHOLDS.intent;
  if (contradicted || score < needed) return { intent: 'unknown', score: round(1 - score) };
  return { intent, score: round(score) };
}

function round(score: number): number {
  return Math.round(score * 1000) / 1000;
}
