import type { DowngradeContext } from './downgradeTypes.js';
import type { ServiceSummary, UpgradeContext } from './upgradeTypes.js';

/** Where a flow stood, for the staff's case card: the state plus the facts that matter there. */
export interface FlowStage {
  flow: 'upgrade' | 'downgrade' | 'invoice';
  state: string;
  service: { id: number; domain: string; productName: string } | null;
  facts: Record<string, string | number>;
}

function serviceOf(services: ServiceSummary[], id: number | null): FlowStage['service'] {
  const service = services.find((s) => s.id === id);
  return service
    ? { id: service.id, domain: service.domain, productName: service.productName }
    : null;
}

function compact(
  facts: Record<string, string | number | null | undefined>,
): Record<string, string | number> {
  return Object.fromEntries(
    Object.entries(facts).filter((entry): entry is [string, string | number] => entry[1] != null),
  );
}

/** The upgrade flow's stage: target, price, and the invoice that blocks it. */
export function upgradeStage(state: string, context: UpgradeContext): FlowStage {
  const draft = context.draft;
  const invoice = context.pendingInvoice ?? context.result?.invoice ?? null;
  const service = context.services.find((s) => s.id === context.serviceId);
  return {
    flow: 'upgrade',
    state,
    service: serviceOf(context.services, context.serviceId),
    facts: compact({
      targetPackage: draft?.type === 'product' ? draft.newProductName : null,
      accountsFrom:
        draft?.type === 'configoptions' ? draft.currentQty : (service?.accounts ?? null),
      accountsTo: draft?.type === 'configoptions' ? draft.newQty : null,
      price: context.quote?.price,
      invoiceId: invoice?.id,
      invoiceTotal: invoice?.total,
      errorCode: context.errorCode,
    }),
  };
}

/** The downgrade flow's stage: due date, days left, requested change and the ticket. */
export function downgradeStage(state: string, context: DowngradeContext): FlowStage {
  const service = context.services.find((s) => s.id === context.serviceId);
  return {
    flow: 'downgrade',
    state,
    service: serviceOf(context.services, context.serviceId),
    facts: compact({
      dueDate: service?.nextDueDate,
      targetPackage: context.draft.newProductName,
      accountsFrom: service?.accounts,
      accountsTo: context.draft.newAccounts,
      ticket: context.ticket?.tid ?? context.inspection?.existingTicket?.tid,
      invoiceId: context.inspection?.unpaidRenewal?.id,
      errorCode: context.errorCode,
    }),
  };
}
