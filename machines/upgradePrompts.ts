import type { ChoiceOption } from './conversationTypes.js';
import { accountLimits, packageChoices, packagesAbove, serviceChoices } from './upgradeOptions.js';
import type { ServiceSummary, UpgradeContext, UpgradePrompt } from './upgradeTypes.js';

const CANCEL: ChoiceOption = { value: 'cmd:cancel', label: { key: 'label.cancel' }, synonyms: [] };
const HUMAN: ChoiceOption = { value: 'cmd:human', label: { key: 'label.human' }, synonyms: [] };

/** The service the flow is about; only ever one of the client's own services. */
export function chosenService(context: UpgradeContext): ServiceSummary {
  const service = context.services.find((s) => s.id === context.serviceId);
  if (!service) throw new Error('upgrade flow has no chosen service');
  return service;
}

export function servicePrompt(context: UpgradeContext): UpgradePrompt {
  return {
    reply: { key: 'upgrade.chooseService', count: context.services.length },
    expects: { kind: 'choice', choices: [...serviceChoices(context.services), CANCEL] },
  };
}

export function kindPrompt(context: UpgradeContext): UpgradePrompt {
  const service = chosenService(context);
  return {
    reply: {
      key: 'upgrade.chooseKind',
      domain: service.domain,
      productName: service.productName,
      accounts: service.accounts,
    },
    expects: {
      kind: 'choice',
      choices: [
        { value: 'package', label: { key: 'label.kind.package' }, synonyms: ['paket', 'package'] },
        {
          value: 'accounts',
          label: { key: 'label.kind.accounts' },
          synonyms: ['akun', 'accounts'],
        },
        CANCEL,
      ],
    },
  };
}

export function packagePrompt(context: UpgradeContext): UpgradePrompt {
  const service = chosenService(context);
  const cycle = service.billingCycle ?? 'monthly';
  const offers = packagesAbove(service, context.packages);
  return {
    reply: {
      key: 'upgrade.choosePackage',
      domain: service.domain,
      productName: service.productName,
      cycle,
    },
    expects: {
      kind: 'choice',
      choices: [...packageChoices(offers, cycle, context.currencyCode), CANCEL],
    },
  };
}

export function accountsPrompt(context: UpgradeContext): UpgradePrompt {
  const service = chosenService(context);
  const limits = accountLimits(service, context.accountOption);
  const current = limits?.current ?? 0;
  const maxAdd = Math.max(0, (limits?.max ?? 0) - current);
  return {
    reply: { key: 'upgrade.enterAccounts', domain: service.domain, current, maxAdd },
    expects: { kind: 'number', min: 1, max: maxAdd, choices: [CANCEL] },
  };
}

export function confirmPrompt(context: UpgradeContext): UpgradePrompt {
  const service = chosenService(context);
  const { draft, quote } = context;
  if (!draft || !quote) throw new Error('upgrade flow has nothing to confirm');
  const confirmChoices: ChoiceOption[] = [
    { value: 'yes', label: { key: 'label.yes' }, synonyms: [] },
    { value: 'no', label: { key: 'label.no' }, synonyms: [] },
  ];
  const common = {
    domain: service.domain,
    price: quote.price,
    daysUntilRenewal: quote.daysUntilRenewal,
    currencyCode: context.currencyCode,
  };
  const reply =
    draft.type === 'product'
      ? {
          key: 'upgrade.confirmPackage' as const,
          from: service.productName,
          to: draft.newProductName,
          ...common,
        }
      : {
          key: 'upgrade.confirmAccounts' as const,
          current: draft.currentQty,
          add: draft.addQty,
          total: draft.newQty,
          ...common,
        };
  return { reply, expects: { kind: 'confirm', choices: confirmChoices } };
}

export function failedPrompt(context: UpgradeContext): UpgradePrompt {
  return {
    reply: {
      key: 'upgrade.failed',
      errorCode: context.errorCode ?? 'INTERNAL',
      step: context.failedStep ?? 'loading',
    },
    expects: {
      kind: 'choice',
      choices: [{ value: 'retry', label: { key: 'label.retry' }, synonyms: [] }, HUMAN, CANCEL],
    },
  };
}

/** Buttons offered with a final answer that leaves the customer stuck: talk to a person. */
export const HUMAN_CHOICES: ChoiceOption[] = [HUMAN];
