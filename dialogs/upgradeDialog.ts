import { upgradeStage } from '../machines/caseStage.js';
import type { UpgradeContext } from '../machines/upgradeTypes.js';
import type { upgradeMachine } from '../machines/upgradeMachine.js';
import { UPGRADE_MACHINE_VERSION } from '../machines/upgradeMachine.js';
import type { UpgradeInput, UpgradeKind } from '../machines/upgradeTypes.js';
import { MachineDialog, type MachineDialogSettings } from './machineDialog.js';

export const UPGRADE_DIALOG_ID = 'upgrade';

export interface UpgradeDialogOptions {
  kind?: UpgradeKind;
  requestedAccounts?: number;
}

export interface UpgradeDialogSettings extends MachineDialogSettings {
  productGroupId: number;
  paymentMethod: string;
  apiTimeoutMs: number;
}

/** The upgrade flow (package or accounts) hosted as a dialog; the machine comes with its effects provided. */
export class UpgradeDialog extends MachineDialog<UpgradeDialogOptions> {
  constructor(machine: typeof upgradeMachine, settings: UpgradeDialogSettings) {
    super(
      UPGRADE_DIALOG_ID,
      {
        machine,
        version: UPGRADE_MACHINE_VERSION,
        stage: (state, context) => upgradeStage(state, context as UpgradeContext),
        createInput: (options, customer): UpgradeInput => ({
          clientId: customer.clientId,
          currencyCode: customer.currencyCode,
          productGroupId: settings.productGroupId,
          paymentMethod: settings.paymentMethod,
          apiTimeoutMs: settings.apiTimeoutMs,
          kind: options.kind,
          requestedAccounts: options.requestedAccounts,
        }),
      },
      settings,
    );
  }
}
