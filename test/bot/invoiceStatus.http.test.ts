import { expect } from 'chai';
import { startBot, type BotUnderTest } from '../support/botServer.js';

describe('invoice status over /api/messages against the Clientzone sandbox', () => {
  let bot: BotUnderTest;

  before(async () => {
    bot = await startBot();
  });
  after(async () => {
    await bot.close();
  });

  it('when a customer asks about unpaid invoices, then upgrade and renewal invoices are listed with links', async () => {
    const replies = await bot
      .chat({ clientId: 1007 })
      .texts('cek invoice saya yang belum dibayar dong');
    expect(replies[0]).to.match(/Invoice Anda yang belum dibayar/);
    expect(replies[0]).to.contain(
      `[Invoice #7002](${bot.sandbox.url}/viewinvoice.php?id=7002) (perpanjangan)`,
    );
  });

  it('when a customer asks about one of their invoices by number, then its status is told', async () => {
    const replies = await bot.chat({ clientId: 1005 }).texts('status invoice 7001');
    expect(replies[0]).to.match(/Invoice #7001 \(upgrade\): \*\*belum dibayar\*\*/);
  });

  it('when a customer asks about an invoice of another client, then it is not revealed', async () => {
    const replies = await bot.chat({ clientId: 1001 }).texts('status invoice 7001');
    expect(replies[0]).to.match(/tidak menemukan invoice #7001 di akun Anda/);
  });

  it('when a customer has no unpaid invoice, then the bot says so', async () => {
    const replies = await bot.chat({ clientId: 1009 }).texts('ada tagihan yang belum dibayar?');
    expect(replies[0]).to.match(/Tidak ada invoice yang belum dibayar/);
  });
});
