import { expect } from 'chai';
import { corpusExamples } from '../../../dialogs/nlu/intentCorpus.js';
import type { Intent, RecognizedIntent } from '../../../dialogs/nlu/keywordIntents.js';
import { surfaceForm } from '../../../dialogs/nlu/normalizeText.js';
import { createNluRecognizer, type NluRecognizer } from '../../../dialogs/nlu/nluRecognizer.js';
import { loadEvaluationSet, type LabelledUtterance } from './evaluationSet.js';

const MONEY_MOVING: Intent[] = ['upgrade_package', 'add_accounts', 'downgrade'];

interface Outcome {
  utterance: LabelledUtterance;
  result: RecognizedIntent;
}

describe('NLU evaluation (held-out set)', () => {
  const heldOut = loadEvaluationSet('heldout');
  const training = loadEvaluationSet('training');
  let recognizer: NluRecognizer;
  let trainingMs = 0;
  let outcomes: Outcome[] = [];

  before(async () => {
    const started = Date.now();
    // Its own examples, so it trains now rather than reusing the model other tests trained.
    recognizer = await createNluRecognizer({ examples: corpusExamples() });
    trainingMs = Date.now() - started;
    outcomes = await recognizeAll(recognizer, heldOut);
  });

  it('when the evaluation set is counted, then it has at least 300 utterances, about two thirds Indonesian', () => {
    const all = [...heldOut, ...training];
    const indonesian = all.filter((u) => u.lang === 'id').length / all.length;
    expect(all.length).to.be.at.least(300);
    expect(indonesian).to.be.within(0.6, 0.75);
  });

  it('when the held-out set is compared with the training corpus, then no utterance is in both', () => {
    const trained = new Set(corpusExamples().map((example) => surfaceForm(example.text)));
    const leaked = heldOut.filter((u) => trained.has(surfaceForm(u.text))).map((u) => u.text);
    expect(leaked).to.deep.equal([]);
  });

  it('when the training part is compared with the corpus, then every utterance is in it with its intent', () => {
    const trained = new Set(corpusExamples().map((e) => `${e.intent}|${surfaceForm(e.text)}`));
    const missing = training.filter((u) => !trained.has(`${u.intent}|${surfaceForm(u.text)}`));
    expect(missing.map((u) => u.text)).to.deep.equal([]);
  });

  it('when the model is trained at start, then it is ready in under 3 seconds', () => {
    console.log(`      NLU training: ${trainingMs} ms`);
    expect(trainingMs).to.be.below(3000);
  });

  it('when the held-out set is recognised, then at least 95% of intents are right', () => {
    const right = outcomes.filter((o) => o.result.intent === o.utterance.intent).length;
    const accuracy = right / outcomes.length;
    console.log(
      `      held-out intent accuracy: ${(accuracy * 100).toFixed(1)}% (${right}/${outcomes.length})`,
    );
    console.log(confusionTable(outcomes));
    for (const o of outcomes.filter((x) => x.result.intent !== x.utterance.intent)) {
      console.log(
        `      ${o.utterance.intent} -> ${o.result.intent} (${o.result.score}): ${o.utterance.text}`,
      );
    }
    expect(accuracy).to.be.at.least(0.95);
  });

  it('when the held-out set is recognised, then every number of accounts is right', () => {
    const wrong = outcomes
      .filter((o) => o.result.entities.accounts !== o.utterance.accounts)
      .map((o) => `${o.utterance.text}: ${o.result.entities.accounts}`);
    expect(wrong).to.deep.equal([]);
  });

  it('when a held-out utterance is labelled unknown, then it never starts a money-moving flow', () => {
    const started = outcomes
      .filter((o) => o.utterance.intent === 'unknown' && MONEY_MOVING.includes(o.result.intent))
      .map((o) => `${o.utterance.text}: ${o.result.intent}`);
    expect(started).to.deep.equal([]);
  });

  it('when the training part is recognised, then every number of accounts is right', async () => {
    const trainingOutcomes = await recognizeAll(recognizer, training);
    const wrong = trainingOutcomes.filter(
      (o) => o.result.entities.accounts !== o.utterance.accounts,
    );
    expect(wrong.map((o) => o.utterance.text)).to.deep.equal([]);
  });

  it('when the model is trained twice, then it gives the same answers', async () => {
    const again = await recognizeAll(await createNluRecognizer(), heldOut);
    expect(again.map((o) => o.result)).to.deep.equal(outcomes.map((o) => o.result));
  });
});

async function recognizeAll(
  recognizer: NluRecognizer,
  utterances: LabelledUtterance[],
): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  for (const utterance of utterances) {
    outcomes.push({ utterance, result: await recognizer.recognize(utterance.text) });
  }
  return outcomes;
}

/** Rows are the labelled intent, columns what was recognised. */
function confusionTable(outcomes: Outcome[]): string {
  const intents = [...new Set(outcomes.map((o) => o.utterance.intent))];
  const columns = [...new Set([...intents, ...outcomes.map((o) => o.result.intent)])];
  const short = (intent: string) => intent.slice(0, 7).padStart(8);
  const header = `${''.padEnd(16)}${columns.map(short).join('')}`;
  const rows = intents.map((expected) => {
    const counts = columns.map(
      (actual) =>
        outcomes.filter((o) => o.utterance.intent === expected && o.result.intent === actual)
          .length,
    );
    return `${expected.padEnd(16)}${counts.map((n) => String(n || '.').padStart(8)).join('')}`;
  });
  return [header, ...rows].map((line) => `      ${line}`).join('\n');
}
