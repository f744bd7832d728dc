import { expect } from 'chai';
import { recognizeCommand } from '../../../dialogs/nlu/commands.js';
import { createNluRecognizer, type NluRecognizer } from '../../../dialogs/nlu/nluRecognizer.js';
import { recognizeYesNo } from '../../../dialogs/nlu/yesNo.js';

describe('NLU slang, typos and money-moving guards', () => {
  const yesNo: [string, boolean | null][] = [
    ['iyaa kak', true],
    ['ok deh', true],
    ['okee', true],
    ['sipp lanjut', true],
    ['yoi', true],
    ['gass', true],
    ['mo', true],
    ['ga usah', false],
    ['gk', false],
    ['ngga dulu', false],
    ['ntar aja', false],
    ['no thanks', false],
    ['belum', false],
    ['hmm', null],
  ];
  for (const [text, expected] of yesNo) {
    it(`when the customer answers "${text}", then it means ${expected}`, () => {
      expect(recognizeYesNo(text)).to.equal(expected);
    });
  }

  const commands: [string, string | null][] = [
    ['g jd min', 'cancel'],
    ['batal aja deh kak', 'cancel'],
    ['btal', 'cancel'],
    ['cancle', 'cancel'],
    ['udah gausah', 'cancel'],
    ['stop dulu', 'cancel'],
    ['gak jadi upgrade', 'cancel'],
    ['never mind', 'cancel'],
    ['help me pls', 'help'],
    ['panggilin admin dong', 'human'],
    ['admin', 'human'],
    ['sambungin ke orang aja', 'human'],
    ['get me a human', 'human'],
    ['halo admin', null],
    ['tambah akun buat admin sama finance', null],
    ['add accounts for our new staff', null],
    ['ada 3 orang baru', null],
    ['ok', null],
  ];
  for (const [text, expected] of commands) {
    it(`when the customer writes "${text}", then the command is ${expected}`, () => {
      expect(recognizeCommand(text)).to.equal(expected);
    });
  }

  describe('recognizer', () => {
    let recognizer: NluRecognizer;
    before(async () => {
      recognizer = await createNluRecognizer();
    });

    const intents: [string, string][] = [
      ['upgarde paket dong min', 'upgrade_package'],
      ['upgradeee', 'upgrade_package'],
      ['donwgrade paket ke starter', 'downgrade'],
      ['tamabh akun 3', 'add_accounts'],
      ['pengen nambah user gan', 'add_accounts'],
      ['gimana cara upgrade?', 'upgrade_package'],
      ['mo ke cs aja', 'human'],
      ['status inv 1234', 'invoice_status'],
    ];
    for (const [text, intent] of intents) {
      it(`when the customer writes "${text}", then the intent is ${intent}`, async () => {
        expect((await recognizer.recognize(text)).intent).to.equal(intent);
      });
    }

    const unclear = [
      'cara tambah akun email di outlook',
      'akun saya diblokir',
      'paket',
      'mau',
      'email',
      'berapa',
      'asdf qwer',
      '',
    ];
    for (const text of unclear) {
      it(`when the customer writes "${text}", then no money-moving flow starts`, async () => {
        const { intent } = await recognizer.recognize(text);
        expect(['upgrade_package', 'add_accounts', 'downgrade']).not.to.include(intent);
      });
    }
  });
});
