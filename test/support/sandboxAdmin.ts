import axios from 'axios';
import {
  SANDBOX_IDENTIFIER,
  SANDBOX_SECRET,
  type RunningSandbox,
} from '../../clientzone/sandbox/index.js';

export interface SandboxRecords {
  orders: { id: number; userid?: number; clientId?: number }[];
  upgrades: { id: number; serviceId?: number; relid?: number; status?: string }[];
  invoices: { id: number; status: string; total: number; userid?: number; clientId?: number }[];
  tickets: unknown[];
  services: { id: number; pid: number; accounts?: number | null }[];
}

/** The sandbox's own records and controls, for arranging and checking integration tests. */
export class SandboxAdmin {
  constructor(private readonly sandbox: RunningSandbox) {}

  async records(): Promise<SandboxRecords> {
    return (await axios.get<SandboxRecords>(`${this.sandbox.url}/__sandbox/records`)).data;
  }

  async fault(fault: {
    action: string;
    mode: string;
    ms?: number;
    times?: number;
    match?: Record<string, string | null>;
  }): Promise<void> {
    await axios.post(`${this.sandbox.url}/__sandbox/faults`, fault);
  }

  async clearFaults(): Promise<void> {
    await axios.delete(`${this.sandbox.url}/__sandbox/faults`);
  }

  /** Calls the WHMCS API directly, as the client area would. */
  async api(
    action: string,
    params: Record<string, string | number>,
  ): Promise<Record<string, unknown>> {
    const form = new URLSearchParams({
      action,
      identifier: SANDBOX_IDENTIFIER,
      secret: SANDBOX_SECRET,
      responsetype: 'json',
      ...Object.fromEntries(Object.entries(params).map(([k, v]) => [k, String(v)])),
    });
    const response = await axios.post<Record<string, unknown>>(this.sandbox.apiUrl, form);
    return response.data;
  }

  async payInvoice(invoiceId: number): Promise<void> {
    const result = await this.api('AddInvoicePayment', {
      invoiceid: invoiceId,
      transid: `t${invoiceId}`,
      gateway: 'banktransfer',
    });
    if (result.result !== 'success') throw new Error(`payment failed: ${JSON.stringify(result)}`);
  }

  async service(clientId: number, serviceId: number): Promise<Record<string, unknown>> {
    const result = await this.api('GetClientsProducts', {
      clientid: clientId,
      serviceid: serviceId,
    });
    const products = result.products as { product: Record<string, unknown>[] };
    const product = products.product[0];
    if (!product) throw new Error(`no service ${serviceId}`);
    return product;
  }
}
