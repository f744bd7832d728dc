import type { ClientzoneApi } from '../clientzone/clientzoneApi.js';
import type { DowngradeTicketInput } from '../machines/downgradeMachine.js';
import type { TicketRef } from '../machines/downgradeTypes.js';
import type { Departments } from './departments.js';
import type { KeyValueRecords } from './storage/kvRecords.js';

const FILED_NAMESPACE = 'downgrade-tickets';
/** Statuses WHMCS counts as open (GetTickets `All Active Tickets`). */
const ACTIVE_STATUS = 'All Active Tickets';

interface FiledRecord {
  ticketId: number;
  tid: string;
  clientId: number;
}

/**
 * Downgrade tickets, one open per service and due date: the bot's own record and Clientzone's
 * active tickets (whose subject names `#<serviceId>` and the due date) are both consulted.
 */
export class DowngradeTickets {
  constructor(
    private readonly api: ClientzoneApi,
    private readonly records: KeyValueRecords,
    private readonly departments: Departments,
  ) {}

  async findOpen(
    clientId: number,
    serviceId: number,
    dueDate: string,
    signal?: AbortSignal,
  ): Promise<TicketRef | null> {
    const deptId = await this.departments.billing(signal);
    const tickets = await this.api.getTickets(
      { clientId, deptId, status: ACTIVE_STATUS },
      { signal },
    );
    const own = await this.records.get<FiledRecord>(FILED_NAMESPACE, key(serviceId, dueDate));
    const match = tickets.find(
      (t) =>
        (own?.clientId === clientId && t.id === own.ticketId) ||
        (t.subject.includes(`#${serviceId}`) && t.subject.includes(dueDate)),
    );
    return match ? { id: match.id, tid: match.tid, status: match.status } : null;
  }

  async open(
    request: DowngradeTicketInput,
    text: { subject: string; message: string },
    signal?: AbortSignal,
  ): Promise<TicketRef> {
    const deptId = await this.departments.billing(signal);
    const opened = await this.api.openTicket(
      {
        deptId,
        clientId: request.clientId,
        serviceId: request.serviceId,
        subject: text.subject,
        message: text.message,
        priority: 'Medium',
        markdown: true,
      },
      { signal },
    );
    const record: FiledRecord = {
      ticketId: opened.id,
      tid: opened.tid,
      clientId: request.clientId,
    };
    await this.records.put(FILED_NAMESPACE, key(request.serviceId, request.dueDate), record);
    return { id: opened.id, tid: opened.tid, status: 'Open' };
  }
}

function key(serviceId: number, dueDate: string): string {
  return `${serviceId}:${dueDate}`;
}
