import {
  INVOICE_STATUS_MACHINE_VERSION,
  invoiceStage,
  type invoiceStatusMachine,
  type InvoiceStatusInput,
} from '../machines/invoiceStatusMachine.js';
import { MachineDialog, type MachineDialogSettings } from './machineDialog.js';

export const INVOICE_STATUS_DIALOG_ID = 'invoiceStatus';

export interface InvoiceStatusDialogOptions {
  invoiceId?: number;
}

/** Answers "status invoice" questions; the machine comes with its Clientzone effect provided. */
export class InvoiceStatusDialog extends MachineDialog<InvoiceStatusDialogOptions> {
  constructor(
    machine: typeof invoiceStatusMachine,
    settings: MachineDialogSettings & { apiTimeoutMs: number },
  ) {
    super(
      INVOICE_STATUS_DIALOG_ID,
      {
        machine,
        version: INVOICE_STATUS_MACHINE_VERSION,
        stage: (_state, context) => invoiceStage(context as Parameters<typeof invoiceStage>[0]),
        createInput: (options, customer): InvoiceStatusInput => ({
          clientId: customer.clientId,
          currencyCode: customer.currencyCode,
          invoiceId: options.invoiceId,
          apiTimeoutMs: settings.apiTimeoutMs,
        }),
      },
      settings,
    );
  }
}
