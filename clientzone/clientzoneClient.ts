import type { z } from 'zod';

import type { ClientzoneApi } from './clientzoneApi.js';
import { catalogueResponse } from './schemas/catalogueSchemas.js';
import { clientDetailsResponse, clientServicesResponse } from './schemas/clientSchemas.js';
import { invoiceResponse, invoicesResponse } from './schemas/billingSchemas.js';
import {
  departmentsResponse,
  openedTicketResponse,
  ticketsResponse,
} from './schemas/supportSchemas.js';
import { placedUpgradeResponse, upgradeQuoteResponse } from './schemas/upgradeSchemas.js';
import type {
  CallOptions,
  CatalogueProduct,
  ClientDetails,
  ClientService,
  InvoiceDetail,
  InvoicePayment,
  InvoiceSummary,
  OpenTicketRequest,
  OpenedTicket,
  PlacedUpgrade,
  SupportDepartment,
  TicketQuery,
  TicketSummary,
  UpgradeQuote,
  UpgradeRequest,
} from './types.js';
import { badResponseError } from './whmcsErrors.js';
import {
  WhmcsTransport,
  type CallOutcome,
  type ClientzoneLogger,
  type WhmcsParams,
} from './whmcsTransport.js';

export interface ClientzoneClientOptions {
  /** The WHMCS API endpoint, e.g. `https://clientzone.example/includes/api.php`. */
  apiUrl: string;
  identifier: string;
  secret: string;
  /** Per HTTP attempt; default 8000. */
  timeoutMs?: number;
  /** Extra attempts for reads and quotes on failures of transport; default 2. */
  retries?: number;
  /** Backoff before retry n is `retryDelayMs * n`; default 200. */
  retryDelayMs?: number;
  /** WHMCS `$api_access_key`, which lifts the IP allow-list. */
  accessKey?: string;
  logger?: ClientzoneLogger;
  /** Metrics hook, called once per method call (after any retries). */
  onCall?: (action: string, outcome: CallOutcome, ms: number) => void;
}

const PAGE_SIZE = 250;
const MAX_PAGES = 20;

interface Page<T> {
  totalResults: number;
  items: T[];
}

function upgradeParams(request: UpgradeRequest): WhmcsParams {
  const common = { serviceid: request.serviceId, paymentmethod: request.paymentMethod };
  return request.type === 'product'
    ? {
        ...common,
        type: 'product',
        newproductid: request.newProductId,
        newproductbillingcycle: request.newBillingCycle,
      }
    : { ...common, type: 'configoptions', configoptions: request.configOptions };
}

/** The Clientzone port over the WHMCS API: reads and quotes retried, creations never. */
export class ClientzoneClient implements ClientzoneApi {
  private readonly transport: WhmcsTransport;

  constructor(options: ClientzoneClientOptions) {
    this.transport = new WhmcsTransport({
      ...options,
      timeoutMs: options.timeoutMs ?? 8000,
      retries: Math.max(0, options.retries ?? 2),
      retryDelayMs: options.retryDelayMs ?? 200,
    });
  }

  private request<S extends z.ZodType>(
    action: string,
    params: WhmcsParams,
    schema: S,
    options: CallOptions | undefined,
    retry: boolean,
  ): Promise<z.output<S>> {
    return this.transport.call(action, params, { signal: options?.signal, retry }, (body) => {
      const parsed = schema.safeParse(body);
      if (!parsed.success) throw badResponseError(action, parsed.error);
      return parsed.data;
    });
  }

  private async readAllPages<T>(
    action: string,
    params: WhmcsParams,
    schema: z.ZodType<Page<T>>,
    options?: CallOptions,
  ): Promise<T[]> {
    const items: T[] = [];
    for (let page = 0; page < MAX_PAGES; page += 1) {
      const limitstart = items.length > 0 ? items.length : undefined;
      const pageParams = { ...params, limitstart, limitnum: PAGE_SIZE };
      const result = await this.request(action, pageParams, schema, options, true);
      items.push(...result.items);
      if (result.items.length === 0 || items.length >= result.totalResults) break;
    }
    return items;
  }

  getClientDetails(clientId: number, options?: CallOptions): Promise<ClientDetails> {
    const schema = clientDetailsResponse(clientId);
    return this.request('GetClientsDetails', { clientid: clientId }, schema, options, true);
  }

  getClientServices(clientId: number, options?: CallOptions): Promise<ClientService[]> {
    const params = { clientid: clientId };
    return this.readAllPages('GetClientsProducts', params, clientServicesResponse, options);
  }

  getProducts(groupId: number, options?: CallOptions): Promise<CatalogueProduct[]> {
    return this.request('GetProducts', { gid: groupId }, catalogueResponse, options, true);
  }

  quoteUpgrade(request: UpgradeRequest, options?: CallOptions): Promise<UpgradeQuote> {
    const params = { ...upgradeParams(request), calconly: 'true' };
    return this.request('UpgradeProduct', params, upgradeQuoteResponse, options, true);
  }

  placeUpgrade(request: UpgradeRequest, options?: CallOptions): Promise<PlacedUpgrade> {
    // calconly is omitted, not `false`: PHP reads the string "false" as true.
    const params = upgradeParams(request);
    return this.request('UpgradeProduct', params, placedUpgradeResponse, options, false);
  }

  getUnpaidInvoices(clientId: number, options?: CallOptions): Promise<InvoiceSummary[]> {
    const params = { userid: clientId, status: 'Unpaid', orderby: 'date', order: 'desc' };
    return this.readAllPages('GetInvoices', params, invoicesResponse, options);
  }

  getInvoice(invoiceId: number, options?: CallOptions): Promise<InvoiceDetail> {
    return this.request('GetInvoice', { invoiceid: invoiceId }, invoiceResponse, options, true);
  }

  getSupportDepartments(options?: CallOptions): Promise<SupportDepartment[]> {
    const params = { ignore_dept_assignments: 'true' };
    return this.request('GetSupportDepartments', params, departmentsResponse, options, true);
  }

  openTicket(request: OpenTicketRequest, options?: CallOptions): Promise<OpenedTicket> {
    const params = {
      deptid: request.deptId,
      clientid: request.clientId,
      serviceid: request.serviceId,
      subject: request.subject,
      message: request.message,
      priority: request.priority,
      // WHMCS reads it as (bool)(int): "true" would mean false.
      markdown: request.markdown ? '1' : undefined,
    };
    return this.request('OpenTicket', params, openedTicketResponse, options, false);
  }

  getTickets(query: TicketQuery, options?: CallOptions): Promise<TicketSummary[]> {
    // Without ignore_dept_assignments WHMCS filters by the API admin's own departments.
    const params = {
      clientid: query.clientId,
      deptid: query.deptId,
      status: query.status,
      ignore_dept_assignments: 'true',
    };
    return this.readAllPages('GetTickets', params, ticketsResponse, options);
  }

  async addInvoicePayment(payment: InvoicePayment, options?: CallOptions): Promise<void> {
    const params = {
      invoiceid: payment.invoiceId,
      transid: payment.transId,
      gateway: payment.gateway,
      amount: payment.amount,
    };
    await this.transport.call(
      'AddInvoicePayment',
      params,
      { signal: options?.signal, retry: false },
      () => undefined,
    );
  }
}
