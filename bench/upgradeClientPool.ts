/** A sandbox client an upgrade conversation signs in as. */
export interface PooledClient {
  clientId: number;
  identityToken: string;
}

/**
 * Lends sandbox clients to upgrade conversations, one conversation per client at a time. When a
 * conversation ends, its invoice is cancelled (which frees the service for the next upgrade and
 * leaves it on its old package) before the client is lent again; the slot that drove the
 * conversation does not wait for that, it takes another free client.
 */
export class UpgradeClientPool {
  private readonly free: PooledClient[];
  private readonly waiting: ((client: PooledClient) => void)[] = [];
  /** Times a conversation had to wait for a client: should stay 0 (the pool is too small otherwise). */
  waits = 0;
  cancelFailures = 0;

  constructor(
    clients: readonly PooledClient[],
    private readonly cancelInvoice: (invoiceId: number) => Promise<void>,
  ) {
    this.free = [...clients];
  }

  acquire(): Promise<PooledClient> {
    const client = this.free.shift();
    if (client) return Promise.resolve(client);
    this.waits += 1;
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  /** Cancels the invoice the conversation made, if any, then lends the client again. */
  recycle(client: PooledClient, invoiceId: number | null): void {
    const cancelled =
      invoiceId === null
        ? Promise.resolve()
        : this.cancelInvoice(invoiceId).catch(() => {
            this.cancelFailures += 1;
          });
    void cancelled.then(() => this.release(client));
  }

  private release(client: PooledClient): void {
    const next = this.waiting.shift();
    if (next) next(client);
    else this.free.push(client);
  }
}
