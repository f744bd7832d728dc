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

/**
 * The Clientzone port. Every method rejects only with an `AppError` (see appError.ts).
 * Reads and quotes may be retried by the implementation; creating calls never are.
 */
export interface ClientzoneApi {
  getClientDetails(clientId: number, options?: CallOptions): Promise<ClientDetails>;
  getClientServices(clientId: number, options?: CallOptions): Promise<ClientService[]>;
  getProducts(groupId: number, options?: CallOptions): Promise<CatalogueProduct[]>;
  quoteUpgrade(request: UpgradeRequest, options?: CallOptions): Promise<UpgradeQuote>;
  placeUpgrade(request: UpgradeRequest, options?: CallOptions): Promise<PlacedUpgrade>;
  getUnpaidInvoices(clientId: number, options?: CallOptions): Promise<InvoiceSummary[]>;
  getInvoice(invoiceId: number, options?: CallOptions): Promise<InvoiceDetail>;
  getSupportDepartments(options?: CallOptions): Promise<SupportDepartment[]>;
  openTicket(request: OpenTicketRequest, options?: CallOptions): Promise<OpenedTicket>;
  getTickets(query: TicketQuery, options?: CallOptions): Promise<TicketSummary[]>;
  /** Sandbox and tests only: records a payment (applies a paid upgrade). */
  addInvoicePayment(payment: InvoicePayment, options?: CallOptions): Promise<void>;
}
