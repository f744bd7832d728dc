import type { Database } from 'better-sqlite3';
import {
  BotState,
  ConversationState,
  TestAdapter,
  TurnContext,
  type Storage,
  type StoreItem,
} from 'botbuilder';
import { expect } from 'chai';
import { isAppError } from '../../../clientzone/appError.js';
import { EtagCheckedConversationState } from '../../../bot/storage/etagCheckedConversationState.js';
import { EtagCheckedUserState } from '../../../bot/storage/etagCheckedUserState.js';
import { openSqliteDatabase } from '../../../bot/storage/sqliteDatabase.js';
import { SqliteStorage } from '../../../bot/storage/sqliteStorage.js';

const CONVERSATION_KEY = 'test/conversations/conv-1/';

function turn(text = 'hi'): TurnContext {
  return new TurnContext(new TestAdapter(), {
    type: 'message',
    channelId: 'test',
    conversation: { id: 'conv-1', isGroup: false, conversationType: 'personal', name: '' },
    from: { id: 'user-1', name: 'Ayu' },
    recipient: { id: 'bot', name: 'bot' },
    text,
  });
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  return undefined;
}

async function stored(storage: Storage, key = CONVERSATION_KEY): Promise<StoreItem | undefined> {
  const item = (await storage.read([key]))[key] as StoreItem | undefined;
  if (item === undefined) return undefined;
  const doc = { ...item };
  delete doc.eTag;
  return doc;
}

/** Two overlapping turns: both load, the first saves `first`, then the second saves `second`. */
async function overlappingTurns(state: BotState): Promise<unknown> {
  const topic = state.createProperty<string>('topic');
  const [first, second] = [turn('first'), turn('second')];
  await topic.get(first, 'none');
  await topic.get(second, 'none');
  await topic.set(first, 'upgrade');
  await topic.set(second, 'downgrade');

  await state.saveChanges(first);
  return rejection(state.saveChanges(second));
}

describe('EtagCheckedConversationState', function () {
  let db: Database;
  let storage: SqliteStorage;

  beforeEach(async function () {
    db = openSqliteDatabase({ file: ':memory:' });
    storage = new SqliteStorage(db);
    await storage.write({ [CONVERSATION_KEY]: { topic: 'start' } });
  });

  afterEach(function () {
    db.close();
  });

  it('when two turns load the same state and the first saves, then the second save rejects with STORAGE_CONFLICT', async function () {
    const error = await overlappingTurns(new EtagCheckedConversationState(storage));

    expect(isAppError(error, 'STORAGE_CONFLICT')).to.equal(true);
    expect(await stored(storage)).to.deep.equal({ topic: 'upgrade' });
  });

  it('when the default ConversationState is used the same way, then the second turn silently overwrites the first', async function () {
    const error = await overlappingTurns(new ConversationState(storage));

    expect(error).to.equal(undefined);
    expect(await stored(storage)).to.deep.equal({ topic: 'downgrade' });
  });

  it('when the losing turn is retried from fresh state, then it sees the winner and saves', async function () {
    const state = new EtagCheckedConversationState(storage);
    const topic = state.createProperty<string>('topic');
    await overlappingTurns(state);

    const retry = turn('second, retried');
    const seen = await topic.get(retry);
    await topic.set(retry, `${seen}+downgrade`);
    await state.saveChanges(retry);

    expect(await stored(storage)).to.deep.equal({ topic: 'upgrade+downgrade' });
  });

  it('when one turn saves twice, then both saves succeed', async function () {
    const state = new EtagCheckedConversationState(storage);
    const step = state.createProperty<number>('step');
    const context = turn();

    await step.set(context, 1);
    await state.saveChanges(context);
    await step.set(context, 2);
    await state.saveChanges(context);
    await state.saveChanges(context, true);

    expect(await stored(storage)).to.deep.equal({ topic: 'start', step: 2 });
  });

  it('when another writer changes the state between two saves of one turn, then the second save rejects', async function () {
    const state = new EtagCheckedConversationState(storage);
    const step = state.createProperty<number>('step');
    const context = turn();
    await step.set(context, 1);
    await state.saveChanges(context);

    await storage.write({ [CONVERSATION_KEY]: { topic: 'staff took over', eTag: '*' } });
    await step.set(context, 2);
    const error = await rejection(state.saveChanges(context));

    expect(isAppError(error, 'STORAGE_CONFLICT')).to.equal(true);
    expect(await stored(storage)).to.deep.equal({ topic: 'staff took over' });
  });

  it('when nothing changed, then saveChanges does not write', async function () {
    const state = new EtagCheckedConversationState(storage);
    const context = turn();
    await state.createProperty<string>('topic').get(context);
    const before = await storage.read([CONVERSATION_KEY]);

    await state.saveChanges(context);

    expect(await storage.read([CONVERSATION_KEY])).to.deep.equal(before);
  });

  it('when two first turns of a new conversation both save, then the second rejects', async function () {
    await storage.delete([CONVERSATION_KEY]);

    const error = await overlappingTurns(new EtagCheckedConversationState(storage));

    expect(isAppError(error, 'STORAGE_CONFLICT')).to.equal(true);
    expect(await stored(storage)).to.deep.equal({ topic: 'upgrade' });
  });

  it('when a turn clears the state after another turn saved, then its save rejects', async function () {
    const state = new EtagCheckedConversationState(storage);
    const [first, second] = [turn(), turn()];
    await state.load(second);
    await state.createProperty<string>('topic').set(first, 'upgrade');
    await state.saveChanges(first);

    await state.clear(second);
    const error = await rejection(state.saveChanges(second));

    expect(isAppError(error, 'STORAGE_CONFLICT')).to.equal(true);
  });

  it('when a turn clears and saves uncontested, then the stored state is empty', async function () {
    const state = new EtagCheckedConversationState(storage);
    const context = turn();

    await state.clear(context);
    await state.saveChanges(context);

    expect(await stored(storage)).to.deep.equal({});
  });

  it('when the state is deleted and saved again in the same turn, then it is recreated', async function () {
    const state = new EtagCheckedConversationState(storage);
    const context = turn();
    await state.load(context);

    await state.delete(context);
    await state.createProperty<string>('topic').set(context, 'again');
    await state.saveChanges(context);

    expect(await stored(storage)).to.deep.equal({ topic: 'again' });
  });
});

describe('EtagCheckedUserState', function () {
  it('when two turns of one user save overlapping changes, then the second rejects', async function () {
    const db = openSqliteDatabase({ file: ':memory:' });
    try {
      const storage = new SqliteStorage(db);
      const error = await overlappingTurns(new EtagCheckedUserState(storage));

      expect(isAppError(error, 'STORAGE_CONFLICT')).to.equal(true);
      expect(await stored(storage, 'test/users/user-1/')).to.deep.equal({ topic: 'upgrade' });
    } finally {
      db.close();
    }
  });
});
