import { expect } from 'chai';
import type { ActivitySet, NewActivity } from '../../bot/directline/conversation.js';
import { ConversationStore } from '../../bot/directline/conversationStore.js';

const limits = { maxConversations: 2, maxActivities: 3, maxSubscribers: 2, idleMs: 60_000 };

function message(text: string): NewActivity {
  return {
    type: 'message',
    text,
    channelId: 'directline',
    conversation: { id: 'c1' },
    from: { id: 'u1', role: 'user' },
  };
}

function recorder() {
  const sets: ActivitySet[] = [];
  const closed: string[] = [];
  return {
    sets,
    closed,
    deliver: (s: ActivitySet) => sets.push(s),
    close: (r: string) => closed.push(r),
  };
}

describe('Direct Line conversation store', () => {
  it('when more activities arrive than the bound, then the oldest are dropped and ids, watermarks and timestamps keep increasing', () => {
    const { conversation } = new ConversationStore(limits).ensure('c1', 'u1');
    const sent = ['a', 'b', 'c', 'd'].map((t) => conversation.append(message(t)));
    const all = conversation.after(null);
    expect(all.activities.map((a) => a.text)).to.deep.equal(['b', 'c', 'd']);
    expect(all.watermark).to.match(/-4$/);
    expect(new Set(sent.map((a) => a.timestamp)).size).to.equal(4);
    expect(sent.map((a) => a.id)).to.deep.equal([...sent.map((a) => a.id)].sort());
    const afterB = conversation.after(all.watermark.replace(/-4$/, '-2'));
    expect(afterB.activities.map((a) => a.text)).to.deep.equal(['c', 'd']);
  });

  it('when a watermark of another server run is given, then everything kept is replayed', () => {
    const { conversation } = new ConversationStore(limits).ensure('c1', 'u1');
    conversation.append(message('a'));
    expect(conversation.after('zzzz-99').activities).to.have.length(1);
    expect(conversation.after('undefined').activities).to.have.length(1);
  });

  it('when typing is broadcast, then sockets get it but later reads do not', () => {
    const { conversation } = new ConversationStore(limits).ensure('c1', 'u1');
    const socket = recorder();
    conversation.subscribe(socket);
    conversation.broadcast({ ...message(''), type: 'typing' });
    expect(socket.sets.map((s) => s.activities[0]?.type)).to.deep.equal(['typing']);
    expect(conversation.after(null).activities).to.deep.equal([]);
  });

  it('when too many sockets open on one conversation, then the oldest is closed as a collision', () => {
    const { conversation } = new ConversationStore(limits).ensure('c1', 'u1');
    const [first, second, third] = [recorder(), recorder(), recorder()];
    [first, second, third].forEach((s) => conversation.subscribe(s));
    conversation.append(message('a'));
    expect(first.closed).to.deep.equal(['collision']);
    expect([first.sets.length, second.sets.length, third.sets.length]).to.deep.equal([0, 1, 1]);
  });

  it('when more conversations exist than the bound, then the least recently used is forgotten and its sockets closed', () => {
    const store = new ConversationStore(limits);
    const socket = recorder();
    store.ensure('c1', 'u1');
    store.ensure('c2', 'u2').conversation.subscribe(socket);
    store.get('c1');
    store.ensure('c3', 'u3');
    expect([store.get('c2'), store.size]).to.deep.equal([undefined, 2]);
    expect(socket.closed).to.deep.equal(['evicted']);
    expect(() => store.ensure('c1', 'someone-else')).to.throw(/another user/);
  });
});
