import { expect } from 'chai';
import axios from 'axios';
import { ChannelServer } from '../support/channelServer.js';
import { invoiceIdIn } from '../support/chatClient.js';
import { StaffClient } from '../support/staffClient.js';
import {
  ReplicaCustomer,
  metricValue,
  startReplicaCluster,
  upgradeInvoicesOf,
  type ReplicaCluster,
} from '../support/replicaCluster.js';

/**
 * Two `node dist/bot/index.js` processes on one PostgreSQL schema and one Clientzone sandbox,
 * as two replicas behind a load balancer without session affinity.
 */
describe('two bot processes on one PostgreSQL', function () {
  // Generous: several processes share a 2-core machine that other work may load too.
  this.timeout(90_000);
  let cluster: ReplicaCluster;

  before(async function () {
    cluster = await startReplicaCluster(3);
  });

  after(async function () {
    await cluster?.close();
  });

  it('when a customer alternates between the replicas through an upgrade, then the flow continues and one invoice is made', async function () {
    const [a, b] = cluster.replicas;
    const customer = new ReplicaCustomer(1001, 'replicas-alternate');

    const offer = await customer.send(a.url, 'alt-1', 'upgrade paket');
    const confirm = await customer.send(b.url, 'alt-2', '1');
    const placed = await customer.send(a.url, 'alt-3', 'ya');

    expect(offer[0]).to.match(/Pilih paket baru/);
    expect(confirm[0]).to.match(/OX Mail Starter → \*\*OX Mail Business\*\*/);
    const invoiceId = invoiceIdIn(placed[0]);
    const records = await cluster.admin.records();
    expect(upgradeInvoicesOf(records, 2001)).to.deep.equal([invoiceId]);
    expect(records.invoices.find((invoice) => invoice.id === invoiceId)?.status).to.equal('Unpaid');
  });

  it('when a customer is handed to staff across the replicas, then consoles of either see it, the bot stays silent, and hand-back continues', async function () {
    const [a, b] = cluster.replicas;
    const channel = new ChannelServer();
    const customer = new ReplicaCustomer(
      cluster.clients[2]!.clientId,
      'replicas-handoff',
      await channel.start(),
    );
    try {
      const staffOnA = new StaffClient(a.url);
      await staffOnA.login('ani', 'rahasia-ani-123');
      await staffOnA.online();
      const events: string[] = [];
      const controller = new AbortController();
      const stream = await axios.get(`${b.url}/staff/api/events`, {
        headers: { authorization: `Bearer ${staffOnA.bearer}` },
        responseType: 'stream',
        signal: controller.signal,
      });
      stream.data.on('data', (chunk: Buffer) => events.push(chunk.toString()));

      await customer.send(a.url, 'h-1', 'upgrade paket');
      const queued = await customer.send(b.url, 'h-2', 'saya mau bicara dengan cs');
      expect(queued[0]).to.match(/antrean nomor \*\*1\*\*/);
      const staffOnB = new StaffClient(b.url);
      await staffOnB.login('ani', 'rahasia-ani-123');
      expect(
        (await staffOnB.post(staffOnB.conversation('replicas-handoff', 'accept'))).status,
      ).to.equal(200);
      expect(await customer.send(a.url, 'h-3', 'halo?')).to.deep.equal([]);
      const sent = await staffOnA.post(staffOnA.conversation('replicas-handoff', 'messages'), {
        text: 'Halo dari Ani',
      });
      expect(sent.data).to.deep.include({ delivered: true });
      await staffOnB.post(staffOnB.conversation('replicas-handoff', 'handback'), {
        flow: 'upgrade-package',
      });
      controller.abort();

      expect(channel.messages().map((m) => m.activity.text)).to.include('Halo dari Ani');
      expect(channel.messages().at(-1)?.activity.text).to.match(/Pilih paket baru/);
      const heard = events.join('');
      expect(
        heard,
        'the console on B heard the queue change made on B and the message sent on A',
      ).to.match(/event: queue/);
      expect(heard).to.match(
        /event: message\ndata: \{"conversationId":"replicas-handoff","from":"staff"/,
      );
    } finally {
      await channel.close();
    }
  });

  it('when the same activity reaches both replicas at once, then it is processed once and both answer alike', async function () {
    const [a, b] = cluster.replicas;
    const { clientId, serviceId } = cluster.clients[0]!;
    const customer = new ReplicaCustomer(clientId, 'replicas-same-activity');
    await customer.send(a.url, 'same-1', 'upgrade paket');
    await customer.send(b.url, 'same-2', '1');

    const [first, second] = await Promise.all([
      customer.send(a.url, 'same-3', 'ya'),
      customer.send(b.url, 'same-3', 'ya'),
    ]);

    expect(second).to.deep.equal(first);
    const invoiceId = invoiceIdIn(first[0]);
    expect(upgradeInvoicesOf(await cluster.admin.records(), serviceId)).to.deep.equal([invoiceId]);
  });

  it('when two activities of one conversation reach both replicas at once, then their turns run one after the other', async function () {
    const [a, b] = cluster.replicas;
    const customer = new ReplicaCustomer(cluster.clients[1]!.clientId, 'replicas-serialised');
    const conflictsBefore =
      (await metricValue(a.url, 'oxmail_state_conflicts_total')) +
      (await metricValue(b.url, 'oxmail_state_conflicts_total'));
    await cluster.admin.fault({ action: 'getclientsproducts', mode: 'delay', ms: 600 });

    const started = Date.now();
    const timed = (reply: Promise<string[]>) => reply.then(() => Date.now() - started);
    const [tookA, tookB] = await Promise.all([
      timed(customer.send(a.url, 'ser-1', 'upgrade paket')),
      timed(customer.send(b.url, 'ser-2', 'upgrade paket')),
    ]);

    // Only the first Clientzone call is slow: a turn run alongside it would have finished early.
    expect(Math.min(tookA, tookB)).to.be.at.least(600);
    const conflictsAfter =
      (await metricValue(a.url, 'oxmail_state_conflicts_total')) +
      (await metricValue(b.url, 'oxmail_state_conflicts_total'));
    expect(conflictsAfter).to.equal(conflictsBefore);
  });

  it('when SIGTERM arrives during a turn, then the turn finishes, the other replica goes on and the process exits 0 with its pool closed', async function () {
    const [a, b] = cluster.replicas;
    const customer = new ReplicaCustomer(cluster.clients[2]!.clientId, 'replicas-sigterm');
    await cluster.admin.fault({ action: 'getclientsproducts', mode: 'delay', ms: 800 });

    const turn = customer.send(b.url, 'term-1', 'upgrade paket');
    await new Promise((resolve) => setTimeout(resolve, 300));
    const exitCode = b.stop('SIGTERM');

    expect((await turn)[0]).to.match(/Pilih paket baru/);
    // A hanging pool would keep the process past its grace period, which exits 1.
    expect(await exitCode).to.equal(0);
    expect((await customer.send(a.url, 'term-2', '1'))[0]).to.match(/OX Mail Business/);
  });
});
