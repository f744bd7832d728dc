import { expect } from 'chai';
import { startConversation, texts } from './dialogHarness.js';

type Step = [says: string, replies: RegExp[]];

const SCRIPTS: { name: string; steps: Step[] }[] = [
  {
    name: 'when a customer asks to downgrade by typing only, then the request is filed with its ticket number',
    steps: [
      ['saya mau downgrade paket', [/jatuh tempo 16 Desember 2026 \(20 hari lagi\)/]],
      ['starter', [/Saat ini ada 5 akun email/]],
      ['3', [/alasan downgrade/]],
      ['biaya', [/OX Mail Business → \*\*OX Mail Starter\*\*/]],
      ['ya', [/tiket \*\*#BIL-482913\*\*/, /Ada lagi/]],
    ],
  },
  {
    name: 'when the customer keeps everything, then nothing is filed',
    steps: [
      ['downgrade', [/Pilih paket/]],
      ['tetap paket ini, kurangi akun', [/Saat ini ada 5 akun/]],
      ['jumlah akun tetap', [/tidak ada permintaan downgrade/]],
    ],
  },
  {
    name: 'when the customer gives an impossible number of accounts, then it asks again within the bounds',
    steps: [
      ['downgrade', [/Pilih paket/]],
      ['1', [/Saat ini ada 5 akun/]],
      ['0', [/dari 1 sampai 5/, /Saat ini ada 5 akun/]],
      ['batal', [/permintaan downgrade dibatalkan/, /Ada lagi/]],
    ],
  },
];

describe('DowngradeDialog conversations', () => {
  for (const script of SCRIPTS) {
    it(script.name, async () => {
      const conversation = startConversation();
      for (const [says, expected] of script.steps) {
        const replies = texts(await conversation.say(says));
        expect(replies, `after "${says}"`).to.have.length(expected.length);
        expected.forEach((pattern, i) => expect(replies[i]).to.match(pattern));
      }
    });
  }

  it('when nothing was confirmed, then no ticket is filed', async () => {
    const conversation = startConversation();
    await conversation.say('downgrade');
    await conversation.say('batal');
    expect(conversation.downgrades.callsOf('fileDowngradeTicket')).to.deep.equal([]);
  });
});
