import { expect } from 'chai';
import { startBot, type BotUnderTest } from '../support/botServer.js';
import { createTestSchema, type TestSchema } from '../support/postgresSchema.js';

const ENGINES: { name: string; schema: boolean }[] = [
  { name: 'SQLite', schema: false },
  { name: 'PostgreSQL', schema: true },
];

for (const engine of ENGINES) {
  describe(`the turn ledger on ${engine.name}`, () => {
    let bot: BotUnderTest;
    let schema: TestSchema | undefined;

    beforeEach(async () => {
      schema = engine.schema ? await createTestSchema() : undefined;
      const env: Record<string, string> = schema
        ? { DATABASE_URL: schema.url, DATABASE_SCHEMA: schema.name }
        : {};
      bot = await startBot({ env });
    });
    afterEach(async () => {
      await bot?.close();
      await schema?.drop();
    });

    it('when a process died after saving a turn but before recording its replies, then the retry gets the same replies and places nothing', async () => {
      const chat = bot.chat({ clientId: 1001 });
      await chat.say('upgrade paket');
      await chat.say('1');
      const placed = await chat.texts('ya', 'confirm-1');
      // What such a crash leaves behind: the state is saved, the replies are not recorded.
      const { records } = bot.app.database;
      for (const { key } of await records.list('turn-replies')) {
        await records.delete('turn-replies', key);
      }

      const retried = await chat.texts('ya', 'confirm-1');

      expect(placed[0]).to.match(/Invoice: \*\*#\d+\*\*/);
      expect(retried).to.deep.equal(placed);
      expect((await bot.admin.records()).upgrades).to.have.length(2); // Agus's seeded one and this
    });
  });
}
