import { expect } from 'chai';
import { recognizeCommand } from '../../../dialogs/nlu/commands.js';
import { recognizeKeywords } from '../../../dialogs/nlu/keywordIntents.js';
import { parseCount } from '../../../dialogs/nlu/numbers.js';
import { recognizeYesNo } from '../../../dialogs/nlu/yesNo.js';

describe('keyword NLU', () => {
  const counts: [string, number | null][] = [
    ['5', 5],
    ['tambah 12 akun', 12],
    ['lima', 5],
    ['sepuluh', 10],
    ['sebelas', 11],
    ['tiga belas', 13],
    ['dua puluh lima', 25],
    ['seratus', 100],
    ['seratus dua puluh', 120],
    ['five', 5],
    ['twelve', 12],
    ['twenty five', 25],
    ['-3', -3],
    ['1,5', 1.5],
    ['banyak', null],
    ['', null],
  ];
  for (const [text, expected] of counts) {
    it(`when the customer writes "${text}", then the count is ${expected}`, () => {
      expect(parseCount(text)).to.equal(expected);
    });
  }

  const yesNo: [string, boolean | null][] = [
    ['ya', true],
    ['Iya kak', true],
    ['oke', true],
    ['sip', true],
    ['lanjut', true],
    ['boleh', true],
    ['yes please', true],
    ['gak', false],
    ['nggak dulu', false],
    ['tidak', false],
    ['batal', false],
    ['no', false],
    ['mungkin', null],
  ];
  for (const [text, expected] of yesNo) {
    it(`when the customer answers "${text}", then it means ${expected}`, () => {
      expect(recognizeYesNo(text)).to.equal(expected);
    });
  }

  const commands: [string, string | null][] = [
    ['batal', 'cancel'],
    ['gak jadi', 'cancel'],
    ['cancel', 'cancel'],
    ['help', 'help'],
    ['bantuan', 'help'],
    ['cs', 'human'],
    ['mau ngobrol sama admin dong', 'human'],
    ['talk to a human', 'human'],
    ['agen', 'human'],
    ['manusia', 'human'],
    ['tambah akun untuk 5 orang', null],
    ['saya mau batal upgrade tapi tanya dulu', null],
  ];
  for (const [text, expected] of commands) {
    it(`when the customer writes "${text}", then the command is ${expected}`, () => {
      expect(recognizeCommand(text)).to.equal(expected);
    });
  }

  const intents: [string, string, number | undefined][] = [
    ['saya mau upgrade paket email', 'upgrade_package', undefined],
    ['upgarde paket dong', 'upgrade_package', undefined],
    ['Tambah 5 akun email', 'add_accounts', 5],
    ['add five accounts', 'add_accounts', 5],
    ['tambah akun', 'add_accounts', undefined],
    ['mau downgrade', 'downgrade', undefined],
    ['halo', 'greeting', undefined],
    ['makasih ya', 'thanks', undefined],
    ['berapa harga domain', 'unknown', undefined],
  ];
  for (const [text, intent, accounts] of intents) {
    it(`when the customer writes "${text}", then the intent is ${intent}`, () => {
      const result = recognizeKeywords(text);
      expect(result.intent).to.equal(intent);
      expect(result.entities.accounts).to.equal(accounts);
    });
  }
});
