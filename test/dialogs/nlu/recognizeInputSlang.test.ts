import { expect } from 'chai';
import type { ChoiceOption, Expectation } from '../../../machines/conversationTypes.js';
import { recognizeInput, type RecognizedInput } from '../../../dialogs/recognizeInput.js';

const YES: ChoiceOption = { value: 'yes', label: { key: 'label.yes' }, synonyms: [] };
const NO: ChoiceOption = { value: 'no', label: { key: 'label.no' }, synonyms: [] };
const CONFIRM: Expectation = { kind: 'confirm', choices: [YES, NO] };
const COUNT: Expectation = { kind: 'number', min: 1, max: 100, choices: [] };
const REMIND: Expectation = {
  kind: 'choice',
  choices: [
    { value: 'remind', label: { key: 'label.retry' }, synonyms: ['ingatkan', 'remind'] },
    { ...NO, synonyms: ['tidak', 'no'] },
  ],
};
const PACKAGES: Expectation = {
  kind: 'choice',
  choices: [
    { value: '11', label: { key: 'label.cancel' }, synonyms: ['OX Mail Business', 'Business'] },
    { value: '12', label: { key: 'label.cancel' }, synonyms: ['OX Mail Enterprise', 'Enterprise'] },
    { value: '7', label: { key: 'label.cancel' }, synonyms: ['tokoku.com', '7'] },
  ],
};

function typed(text: string, expects: Expectation): RecognizedInput {
  return recognizeInput({ text }, expects, 'flow-1', (choice) => choice.value);
}

describe('typed answers inside flows (slang and typos)', () => {
  const cases: [string, Expectation, RecognizedInput][] = [
    ['iyaa kak', CONFIRM, { type: 'user.confirmed' }],
    ['ok deh lanjut', CONFIRM, { type: 'user.confirmed' }],
    ['sipp', CONFIRM, { type: 'user.confirmed' }],
    ['gk', CONFIRM, { type: 'user.declined' }],
    ['ngga dulu', CONFIRM, { type: 'user.declined' }],
    ['g jd min', CONFIRM, { type: 'user.cancel' }],
    ['btal', COUNT, { type: 'user.cancel' }],
    ['cancle aja', COUNT, { type: 'user.cancel' }],
    ['panggilin admin dong', COUNT, { type: 'user.human' }],
    ['mo ke cs aja', CONFIRM, { type: 'user.human' }],
    ['lima aja kak', COUNT, { type: 'user.entered', value: 5 }],
    ['dua puluh lima', COUNT, { type: 'user.entered', value: 25 }],
    ['tambah 3 akun di toko123.com', COUNT, { type: 'user.entered', value: 3 }],
    ['gak usah deh', REMIND, { type: 'user.cancel' }],
    ['nggak', REMIND, { type: 'user.chose', value: 'no' }],
    ['paket bisnis aja', PACKAGES, { type: 'user.chose', value: '11' }],
    ['enterprice', PACKAGES, { type: 'user.chose', value: '12' }],
    ['tokoku.com', PACKAGES, { type: 'user.chose', value: '7' }],
  ];
  for (const [text, expects, expected] of cases) {
    it(`when the customer types "${text}" at a ${expects.kind} prompt, then it is ${expected.type}`, () => {
      expect(typed(text, expects)).to.deep.equal(expected);
    });
  }
});
