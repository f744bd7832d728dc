import { expect } from 'chai';
import { AppError } from '../../clientzone/appError.js';
import { PENDING_INVOICE, quote } from '../machines/upgradeFixtures.js';
import { CLIENTZONE_URL, buttons, startConversation, texts } from './dialogHarness.js';

type Step = [says: string, replies: RegExp[]];
interface Script {
  name: string;
  language?: 'id' | 'en';
  steps: Step[];
}

const SCRIPTS: Script[] = [
  {
    name: 'when a customer asks to upgrade the package by typing only, then it walks to the invoice',
    steps: [
      [
        'saya mau upgrade paket email',
        [/contoh\.co\.id saat ini OX Mail Starter \(tagihan tahunan\)/],
      ],
      ['business', [/Paket: OX Mail Starter → \*\*OX Mail Business\*\*/]],
      ['ya', [/Invoice: \*\*#8001\*\*/, /Ada lagi yang bisa saya bantu/]],
    ],
  },
  {
    name: 'when a customer adds accounts and answers with a number word, then it quotes current plus added',
    steps: [
      ['tambah akun email', [/Masukkan jumlah akun yang ingin ditambahkan \(1 sampai 45\)/]],
      ['lima', [/Akun email: 5 \+ 5 = \*\*10\*\*/]],
      ['tidak', [/upgrade dibatalkan/, /Ada lagi/]],
    ],
  },
  {
    name: 'when the number of accounts is junk, then it explains and asks again',
    steps: [
      ['tambah akun', [/Masukkan jumlah akun/]],
      ['banyak sekali', [/belum mengerti/, /Masukkan jumlah akun/]],
      ['-4', [/minimal 1/, /Masukkan jumlah akun/]],
      ['100000000000000000000000', [/Maksimal 45 akun lagi/, /Masukkan jumlah akun/]],
      ['batal', [/upgrade dibatalkan/, /Ada lagi/]],
    ],
  },
  {
    name: 'when an English customer upgrades, then it speaks English with Rupiah amounts',
    language: 'en',
    steps: [
      ['I want to upgrade my package', [/Choose the new package/]],
      ['2', [/Prorated cost until the due date \(180 days\): \*\*Rp\s125\.000\*\*/]],
      ['yes', [/Invoice: \*\*#8001\*\*/, /anything else/]],
    ],
  },
  {
    name: 'when the customer asks for a person in the middle, then the handoff starts and the flow waits',
    steps: [
      ['upgrade paket', [/Pilih paket baru/]],
      ['mau bicara dengan cs', [/\[handoff: asked\]/]],
    ],
  },
  {
    name: 'when the customer types nonsense and odd unicode at the menu, then it shows the menu politely',
    steps: [
      ['\u202e\u0000😀'.repeat(2000), [/belum mengerti/]],
      ['terima kasih', [/Sama-sama/]],
    ],
  },
];

describe('UpgradeDialog conversations', () => {
  for (const script of SCRIPTS) {
    it(script.name, async () => {
      const conversation = startConversation();
      conversation.info = { ...conversation.info, language: script.language ?? 'id' };
      for (const [says, expected] of script.steps) {
        const replies = texts(await conversation.say(says));
        expect(replies, `after "${says.slice(0, 40)}"`).to.have.length(expected.length);
        expected.forEach((pattern, i) => expect(replies[i]).to.match(pattern));
      }
    });
  }

  it('when an upgrade invoice is unpaid, then the second upgrade is refused with that invoice and its link', async () => {
    const conversation = startConversation();
    conversation.effects
      .queue('quoteUpgrade', { output: quote({ upgradeInProgress: true }) })
      .queue('findPendingInvoice', { output: PENDING_INVOICE });
    const replies = texts(await conversation.say('tambah 3 akun email'));
    expect(replies[0]).to.contain('tidak bisa dilakukan bersamaan');
    expect(replies[0]).to.contain(`invoice #7001 sebesar Rp`);
    expect(replies[0]).to.contain(`${CLIENTZONE_URL}/viewinvoice.php?id=7001`);
    expect(conversation.effects.callsOf('placeUpgrade')).to.have.length(0);
  });

  it('when a confirm button is pressed twice, then the second press is stale and nothing is placed again', async () => {
    const conversation = startConversation();
    await conversation.say('upgrade paket');
    const confirm = await conversation.say('2');
    const yes = buttons(confirm[0]).find((b) => b.title === 'Ya, lanjutkan');
    expect(yes).to.not.equal(undefined);
    await conversation.say({ text: 'Ya, lanjutkan', value: yes?.value });
    const again = texts(await conversation.say({ text: 'Ya, lanjutkan', value: yes?.value }));
    expect(again[0]).to.match(/sudah tidak berlaku/);
    expect(conversation.effects.callsOf('placeUpgrade')).to.have.length(1);
  });

  it('when a button of an earlier flow is pressed inside a new flow, then it is refused as stale', async () => {
    const conversation = startConversation();
    const first = await conversation.say('upgrade paket');
    const oldButton = buttons(first[0])[0];
    await conversation.say('batal');
    await conversation.say('upgrade paket');
    const replies = texts(
      await conversation.say({ text: oldButton?.title, value: oldButton?.value }),
    );
    expect(replies[0]).to.match(/sudah tidak berlaku/);
    expect(replies[1]).to.match(/Pilih paket baru/);
  });

  it('when Clientzone fails while placing, then retry and a person are offered and retry adopts the existing invoice', async () => {
    const conversation = startConversation();
    conversation.effects
      .queue(
        'quoteUpgrade',
        { output: quote() },
        { output: quote() },
        { output: quote({ upgradeInProgress: true }) },
      )
      .queue('placeUpgrade', { error: new AppError('CLIENTZONE_TIMEOUT', 'timeout') })
      .queue('findPendingInvoice', { output: null }, { output: PENDING_INVOICE });
    await conversation.say('upgrade paket');
    await conversation.say('2');
    const failed = await conversation.say('ya');
    expect(failed[0]?.text).to.match(/belum mendapat konfirmasi/);
    expect(buttons(failed[0]).map((b) => b.title)).to.deep.equal([
      'Coba lagi',
      'Chat dengan CS',
      'Batal',
    ]);
    const retried = texts(await conversation.say('coba lagi'));
    expect(retried[0]).to.match(/sudah memiliki invoice upgrade yang belum dibayar/);
    expect(conversation.effects.callsOf('placeUpgrade')).to.have.length(1);
  });

  it('when the customer is not signed in, then no account data is read and sign-in is explained', async () => {
    const conversation = startConversation({ customer: null, language: 'id' });
    const replies = texts(await conversation.say('upgrade paket'));
    expect(replies[0]).to.match(/silakan login ke Clientzone/);
    expect(conversation.effects.calls).to.deep.equal([]);
  });

  it('when the sign-in lapses in the middle of a flow, then the flow waits and changes nothing', async () => {
    const conversation = startConversation();
    await conversation.say('upgrade paket');
    conversation.info = { customer: null, language: 'id' };
    const replies = texts(await conversation.say('2'));
    expect(replies[0]).to.match(/silakan login ke Clientzone/);
    expect(conversation.effects.callsOf('quoteUpgrade')).to.have.length(0);
  });
});
