import { downgradeStage } from '../machines/caseStage.js';
import type { DowngradeContext } from '../machines/downgradeTypes.js';
import type { downgradeMachine } from '../machines/downgradeMachine.js';
import { DOWNGRADE_MACHINE_VERSION } from '../machines/downgradeMachine.js';
import type { DowngradeInput } from '../machines/downgradeTypes.js';
import { BILLING_TIME_ZONE, calendarDate } from './calendar.js';
import { MachineDialog, type MachineDialogSettings } from './machineDialog.js';
import { turnInfoOf } from './turnInfo.js';

export const DOWNGRADE_DIALOG_ID = 'downgrade';

export interface DowngradeDialogOptions {
  /** Preselects the service, e.g. from a reminder's button. */
  serviceId?: number;
}

export interface DowngradeDialogSettings extends MachineDialogSettings {
  productGroupId: number;
  windowDays: number;
  apiTimeoutMs: number;
  /** The clock, injected so tests can move it. */
  now: () => Date;
}

/** The downgrade request flow hosted as a dialog; the machine comes with its effects provided. */
export class DowngradeDialog extends MachineDialog<DowngradeDialogOptions> {
  constructor(machine: typeof downgradeMachine, settings: DowngradeDialogSettings) {
    super(
      DOWNGRADE_DIALOG_ID,
      {
        machine,
        version: DOWNGRADE_MACHINE_VERSION,
        stage: (state, context) => downgradeStage(state, context as DowngradeContext),
        createInput: (options, customer, context): DowngradeInput => ({
          clientId: customer.clientId,
          currencyCode: customer.currencyCode,
          productGroupId: settings.productGroupId,
          today: calendarDate(settings.now(), BILLING_TIME_ZONE),
          windowDays: settings.windowDays,
          serviceId: options.serviceId,
          conversationId: context.activity.conversation.id,
          language: turnInfoOf(context).language,
          apiTimeoutMs: settings.apiTimeoutMs,
        }),
      },
      settings,
    );
  }
}
