import type { ChoiceOption } from './conversationTypes.js';
import type { DowngradeContext, DowngradePrompt, RenewalWindow } from './downgradeTypes.js';
import { renewalWindow } from './renewalWindow.js';
import { accountLimits, packageChoices, packagesBelow, serviceChoices } from './upgradeOptions.js';
import type { ServiceSummary } from './upgradeTypes.js';

const CANCEL: ChoiceOption = { value: 'cmd:cancel', label: { key: 'label.cancel' }, synonyms: [] };
const HUMAN: ChoiceOption = { value: 'cmd:human', label: { key: 'label.human' }, synonyms: [] };

/** The service being downgraded; only ever one of the client's own Active services. */
export function downgradeService(context: DowngradeContext): ServiceSummary {
  const service = context.services.find((s) => s.id === context.serviceId);
  if (!service) throw new Error('downgrade flow has no chosen service');
  return service;
}

export function serviceWindow(context: DowngradeContext): RenewalWindow {
  const due = downgradeService(context).nextDueDate;
  if (!due) throw new Error('downgrade flow needs a due date');
  return renewalWindow(context.today, due, context.windowDays);
}

/** How far the accounts may go down: never below the option's minimum. */
export function reducibleAccounts(
  context: DowngradeContext,
): { current: number; min: number } | null {
  const limits = accountLimits(downgradeService(context), context.accountOption);
  if (!limits || limits.current <= limits.min) return null;
  return { current: limits.current, min: limits.min };
}

export function lowerPackages(context: DowngradeContext) {
  return packagesBelow(downgradeService(context), context.packages);
}

export function downgradeServicePrompt(context: DowngradeContext): DowngradePrompt {
  return {
    reply: { key: 'downgrade.chooseService', count: context.services.length },
    expects: { kind: 'choice', choices: [...serviceChoices(context.services), CANCEL] },
  };
}

export function tooEarlyPrompt(context: DowngradeContext): DowngradePrompt {
  const window = serviceWindow(context);
  return {
    reply: {
      key: 'downgrade.tooEarly',
      domain: downgradeService(context).domain,
      dueDate: window.dueDate,
      opensOn: window.opensOn,
      daysLeft: window.daysLeft,
    },
    expects: {
      kind: 'choice',
      choices: [
        { value: 'remind', label: { key: 'label.remindMe' }, synonyms: ['ingatkan', 'remind'] },
        HUMAN,
        { value: 'no', label: { key: 'label.noThanks' }, synonyms: ['tidak', 'no'] },
      ],
    },
  };
}

export function downgradePackagePrompt(context: DowngradeContext): DowngradePrompt {
  const service = downgradeService(context);
  const window = serviceWindow(context);
  const cycle = service.billingCycle ?? 'monthly';
  const keep: ChoiceOption[] = reducibleAccounts(context)
    ? [{ value: 'keep', label: { key: 'label.keepPackage' }, synonyms: ['tetap', 'keep'] }]
    : [];
  return {
    reply: {
      key: 'downgrade.choosePackage',
      domain: service.domain,
      productName: service.productName,
      cycle,
      dueDate: window.dueDate,
      daysLeft: window.daysLeft,
    },
    expects: {
      kind: 'choice',
      choices: [
        ...packageChoices(lowerPackages(context), cycle, context.currencyCode),
        ...keep,
        CANCEL,
      ],
    },
  };
}

export function downgradeAccountsPrompt(context: DowngradeContext): DowngradePrompt {
  const accounts = reducibleAccounts(context);
  const current = accounts?.current ?? 0;
  const min = accounts?.min ?? 0;
  return {
    reply: {
      key: 'downgrade.enterAccounts',
      domain: downgradeService(context).domain,
      current,
      min,
    },
    expects: {
      kind: 'number',
      min,
      max: current,
      choices: [
        { value: 'keep', label: { key: 'label.keepAccounts' }, synonyms: ['tetap', 'keep'] },
        CANCEL,
      ],
    },
  };
}

export function reasonPrompt(): DowngradePrompt {
  return {
    reply: { key: 'downgrade.enterReason' },
    expects: {
      kind: 'text',
      maxLength: 500,
      choices: [
        { value: 'skip', label: { key: 'label.skip' }, synonyms: ['lewati', 'skip', '-'] },
        CANCEL,
      ],
    },
  };
}

export function downgradeConfirmPrompt(context: DowngradeContext): DowngradePrompt {
  const service = downgradeService(context);
  const { draft } = context;
  return {
    reply: {
      key: 'downgrade.confirm',
      domain: service.domain,
      fromPackage: service.productName,
      toPackage: draft.newProductName,
      fromAccounts: service.accounts,
      toAccounts: draft.newAccounts,
      dueDate: serviceWindow(context).dueDate,
      reason: draft.reason,
    },
    expects: {
      kind: 'confirm',
      choices: [
        { value: 'yes', label: { key: 'label.yes' }, synonyms: [] },
        { value: 'no', label: { key: 'label.no' }, synonyms: [] },
      ],
    },
  };
}

export function downgradeFailedPrompt(context: DowngradeContext): DowngradePrompt {
  return {
    reply: {
      key: 'downgrade.failed',
      errorCode: context.errorCode ?? 'INTERNAL',
      step: context.failedStep ?? 'loading',
    },
    expects: {
      kind: 'choice',
      choices: [{ value: 'retry', label: { key: 'label.retry' }, synonyms: [] }, HUMAN, CANCEL],
    },
  };
}

export const DOWNGRADE_HUMAN_CHOICES: ChoiceOption[] = [HUMAN];
