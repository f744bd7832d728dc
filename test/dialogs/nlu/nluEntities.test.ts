import { expect } from 'chai';
import { extractEntities } from '../../../dialogs/nlu/entities.js';
import type { Intent, IntentEntities } from '../../../dialogs/nlu/keywordIntents.js';
import { createNluRecognizer } from '../../../dialogs/nlu/nluRecognizer.js';
import { parseCount } from '../../../dialogs/nlu/numbers.js';
import { matchPackageName } from '../../../dialogs/nlu/packageNames.js';

const CATALOGUE = ['OX Mail Starter', 'OX Mail Business', 'OX Mail Enterprise'];

describe('NLU entities', () => {
  const counts: [string, number | null][] = [
    ['dua belas', 12],
    ['twenty-five', 25],
    ['selusin', 12],
    ['dua lusin', 24],
    ['dua ribu', 2000],
    ['one hundred and five', 105],
    ['tambah lima akun', 5],
    ['salah paham', null],
  ];
  for (const [text, expected] of counts) {
    it(`when the customer writes "${text}", then the count is ${expected}`, () => {
      expect(parseCount(text)).to.equal(expected);
    });
  }

  const entities: [string, Intent, IntentEntities][] = [
    ['tambah lima akun dong kak', 'add_accounts', { accounts: 5 }],
    ['tambahin dua puluh lima user', 'add_accounts', { accounts: 25 }],
    ['add twelve mailboxes', 'add_accounts', { accounts: 12 }],
    ['nambah sepuluh ya kak', 'add_accounts', { accounts: 10 }],
    ['iya boleh kak', 'unknown', { yesNo: true }],
    [
      'min mau upgrade dong ke enterprise',
      'upgrade_package',
      { packageName: 'OX Mail Enterprise' },
    ],
    [
      'upgrade ke paket bisnis buat 20 user',
      'upgrade_package',
      { accounts: 20, packageName: 'OX Mail Business' },
    ],
    ['kurangi akun jadi 5', 'downgrade', { accounts: 5 }],
    ['status invoice 1234', 'invoice_status', { invoiceId: 1234 }],
    ['inv #4521 udah lunas?', 'invoice_status', { invoiceId: 4521 }],
    ['tagihan no 7790', 'invoice_status', { invoiceId: 7790 }],
    ['tambah akun di toko123.com', 'add_accounts', { domain: 'toko123.com' }],
    ['harga tambah akun Rp 50.000?', 'add_accounts', {}],
    ['port 587 error', 'unknown', {}],
    ['reset password budi@maju.co.id', 'unknown', { domain: 'maju.co.id' }],
    ['ok.siap', 'unknown', { yesNo: true }],
    [
      'upgrade ke enterprice utk cvmakmur.com',
      'upgrade_package',
      {
        packageName: 'OX Mail Enterprise',
        domain: 'cvmakmur.com',
      },
    ],
  ];
  for (const [text, intent, expected] of entities) {
    it(`when the customer writes "${text}", then the entities are ${JSON.stringify(expected)}`, () => {
      expect(extractEntities(text, { intent, packageNames: CATALOGUE })).to.deep.equal(expected);
    });
  }

  const packages: [string, string | undefined][] = [
    ['enterprise', 'OX Mail Enterprise'],
    ['paket bisnis aja', 'OX Mail Business'],
    ['pindah dari starter ke bussiness', 'OX Mail Business'],
    ['upgrade ke OX Mail Enterprise', 'OX Mail Enterprise'],
    ['pengen downgrade dari business', undefined],
    ['email bisnis saya error', undefined],
    ['mau paket yang paling murah', undefined],
  ];
  for (const [text, expected] of packages) {
    it(`when the customer writes "${text}", then the package is ${expected}`, () => {
      expect(matchPackageName(text, CATALOGUE)).to.equal(expected);
    });
  }

  it('when the catalogue has other names, then packages are matched against those', () => {
    expect(matchPackageName('mau yang pro', ['Mail Basic', 'Mail Pro'])).to.equal('Mail Pro');
  });

  it('when the recognizer reads "tambah lima akun dong kak", then it is add_accounts with 5', async () => {
    const recognizer = await createNluRecognizer({ packageNames: CATALOGUE });
    const result = await recognizer.recognize('tambah lima akun dong kak');
    expect({ intent: result.intent, entities: result.entities }).to.deep.equal({
      intent: 'add_accounts',
      entities: { accounts: 5 },
    });
  });
});
