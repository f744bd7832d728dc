import { assign, emit, enqueueActions, fromPromise, setup } from 'xstate';
import type {
  CatalogueProduct,
  ClientService,
  UpgradeQuote,
  UpgradeRequest,
} from '../clientzone/types.js';
import type { ChoiceOption, FlowOutcome, FlowOutput, UserEvent } from './conversationTypes.js';
import { upgradeStage } from './caseStage.js';
import { notProvided, errorCodeOfActorError, NOT_UNDERSTOOD } from './machineSupport.js';
import {
  accountLimits,
  invalidAddReason,
  packagesAbove,
  summariseCatalogue,
  summariseServices,
} from './upgradeOptions.js';
import {
  HUMAN_CHOICES,
  accountsPrompt,
  chosenService,
  confirmPrompt,
  failedPrompt,
  kindPrompt,
  packagePrompt,
  servicePrompt,
} from './upgradePrompts.js';
import type {
  InvoiceRef,
  RetryableStep,
  UpgradeContext,
  UpgradeInput,
  UpgradePrompt,
  UpgradeReply,
  UpgradeResult,
  UpgradeChange,
} from './upgradeTypes.js';

/** Bump when states or context change shape: persisted snapshots of another version are dropped. */
export const UPGRADE_MACHINE_VERSION = 3;

export type UpgradeEvent = UserEvent;
export type UpgradeEmitted = { type: 'bot.reply'; reply: UpgradeReply; choices: ChoiceOption[] };

export interface LoadAccountOutput {
  services: ClientService[];
  catalogue: CatalogueProduct[];
}
export interface PendingInvoiceInput {
  clientId: number;
  serviceId: number;
  domain: string;
}
export interface PlaceUpgradeInput {
  clientId: number;
  domain: string;
  request: UpgradeRequest;
}

/** The upgrade flow: package or number of accounts, from choosing a service to the invoice. */
export const upgradeMachine = setup({
  types: {} as {
    context: UpgradeContext;
    events: UpgradeEvent;
    input: UpgradeInput;
    output: FlowOutput;
    emitted: UpgradeEmitted;
  },
  actors: {
    loadAccount: fromPromise<LoadAccountOutput, { clientId: number; productGroupId: number }>(
      notProvided('loadAccount'),
    ),
    quoteUpgrade: fromPromise<UpgradeQuote, UpgradeRequest>(notProvided('quoteUpgrade')),
    findPendingInvoice: fromPromise<InvoiceRef | null, PendingInvoiceInput>(
      notProvided('findPendingInvoice'),
    ),
    placeUpgrade: fromPromise<UpgradeResult, PlaceUpgradeInput>(notProvided('placeUpgrade')),
  },
  delays: {
    apiTimeout: ({ context }) => context.apiTimeoutMs,
  },
  guards: {
    hasNoServices: ({ context }) => context.services.length === 0,
    hasOneService: ({ context }) => context.services.length === 1,
    isOfferedService: ({ context, event }) =>
      event.type === 'user.chose' && context.services.some((s) => String(s.id) === event.value),
    isServiceInactive: ({ context }) => chosenService(context).status !== 'Active',
    kindUnknown: ({ context }) => context.kind === null,
    wantsPackage: ({ context }) => context.kind === 'package',
    hasNoHigherPackage: ({ context }) =>
      packagesAbove(chosenService(context), context.packages).length === 0,
    hasNoAccountOption: ({ context }) =>
      accountLimits(chosenService(context), context.accountOption) === null,
    isAtAccountMaximum: ({ context }) => {
      const limits = accountLimits(chosenService(context), context.accountOption);
      return limits !== null && limits.current >= limits.max;
    },
    hasValidRequestedAccounts: ({ context }) => {
      const limits = accountLimits(chosenService(context), context.accountOption);
      return (
        context.requestedAccounts !== null &&
        limits !== null &&
        invalidAddReason(context.requestedAccounts, limits) === null
      );
    },
    foundInvoice: ({ event }) => 'output' in event && event.output !== null,
    isKindChoice: ({ event }) =>
      event.type === 'user.chose' && (event.value === 'package' || event.value === 'accounts'),
    isOfferedPackage: ({ context, event }) =>
      event.type === 'user.chose' &&
      packagesAbove(chosenService(context), context.packages).some(
        (p) => String(p.pid) === event.value,
      ),
    isValidAccountsToAdd: ({ context, event }) => {
      const limits = accountLimits(chosenService(context), context.accountOption);
      return (
        event.type === 'user.entered' &&
        limits !== null &&
        invalidAddReason(event.value, limits) === null
      );
    },
    isUpgradeInProgress: ({ event }) =>
      'output' in event && (event.output as UpgradeQuote).upgradeInProgress,
    isUpgradePendingError: ({ event }) =>
      'error' in event && errorCodeOfActorError(event.error) === 'CLIENTZONE_UPGRADE_PENDING',
    isRetryOf: ({ context, event }, params: { step: RetryableStep }) =>
      event.type === 'user.chose' && event.value === 'retry' && context.failedStep === params.step,
  },
  actions: {
    rememberAccount: assign(({ context }, output: LoadAccountOutput) => ({
      services: summariseServices(output.services, output.catalogue, context.productGroupId),
      ...summariseCatalogue(output.catalogue, context.currencyCode),
    })),
    chooseOnlyService: assign(({ context }) => ({ serviceId: context.services[0]?.id ?? null })),
    rememberService: assign(({ event }) => ({
      serviceId: event.type === 'user.chose' ? Number(event.value) : null,
    })),
    rememberKind: assign(({ event }) => ({
      kind: event.type === 'user.chose' && event.value === 'accounts' ? 'accounts' : 'package',
    })),
    draftPackage: assign(({ context, event }) => {
      const service = chosenService(context);
      const offer = packagesAbove(service, context.packages).find(
        (p) => event.type === 'user.chose' && String(p.pid) === event.value,
      );
      if (!offer || !service.billingCycle) return {};
      return {
        draft: {
          type: 'product' as const,
          newProductId: offer.pid,
          newProductName: offer.name,
          newBillingCycle: service.billingCycle,
        },
      };
    }),
    draftAccounts: assign(({ context }, params: { add: number }) => {
      const limits = accountLimits(chosenService(context), context.accountOption);
      if (!limits) return {};
      const draft = {
        type: 'configoptions' as const,
        optionId: limits.optionId,
        currentQty: limits.current,
        addQty: params.add,
        newQty: limits.current + params.add,
      };
      return { draft };
    }),
    rememberQuote: assign((_, quote: UpgradeQuote) => ({
      quote: {
        price: quote.price,
        daysUntilRenewal: quote.daysUntilRenewal,
        newProductName: quote.newProductName,
      },
    })),
    rememberPendingInvoice: assign((_, invoice: InvoiceRef | null) => ({
      pendingInvoice: invoice,
    })),
    rememberResult: assign((_, result: UpgradeResult) => ({ result })),
    rememberFailure: assign((_, params: { step: RetryableStep; error: unknown }) => ({
      failedStep: params.step,
      errorCode: errorCodeOfActorError(params.error),
    })),
    rememberTimeout: assign((_, params: { step: RetryableStep }) => ({
      failedStep: params.step,
      errorCode: 'CLIENTZONE_TIMEOUT',
    })),
    prompt: enqueueActions(({ context, enqueue }, params: { build: PromptBuilder }) => {
      const prompt = params.build(context);
      enqueue.assign({ prompt, misunderstood: 0 });
      enqueue.emit({ type: 'bot.reply', reply: prompt.reply, choices: prompt.expects.choices });
    }),
    repeatPrompt: enqueueActions(({ context, enqueue }) => {
      if (context.prompt) {
        const { reply, expects } = context.prompt;
        enqueue.emit({ type: 'bot.reply', reply, choices: expects.choices });
      }
    }),
    countMisunderstanding: assign(({ context }) => ({ misunderstood: context.misunderstood + 1 })),
    reply: emit((_, params: { reply: UpgradeReply; choices?: ChoiceOption[] }) => ({
      type: 'bot.reply' as const,
      reply: params.reply,
      choices: params.choices ?? [],
    })),
    finish: assign((_, params: { outcome: FlowOutcome }) => ({ outcome: params.outcome })),
    replyInvalidAccounts: emit(({ context, event }) => {
      const limits = accountLimits(chosenService(context), context.accountOption);
      const value = event.type === 'user.entered' ? event.value : Number.NaN;
      const maxAdd = limits ? Math.max(0, limits.max - limits.current) : 0;
      const reason = limits ? (invalidAddReason(value, limits) ?? 'notWhole') : 'notWhole';
      return {
        type: 'bot.reply' as const,
        reply: { key: 'upgrade.invalidAccounts' as const, reason, maxAdd },
        choices: [],
      };
    }),
    replyNotActive: emit(({ context }) => {
      const service = chosenService(context);
      return {
        type: 'bot.reply' as const,
        reply: {
          key: 'upgrade.serviceNotActive' as const,
          domain: service.domain,
          status: service.status,
        },
        choices: HUMAN_CHOICES,
      };
    }),
    replyNothingToUpgrade: emit(({ context }) => ({
      type: 'bot.reply' as const,
      reply: nothingToUpgradeReply(context),
      choices: HUMAN_CHOICES,
    })),
    replyNotUnderstood: emit(({ context }) => ({
      type: 'bot.reply' as const,
      reply: { key: 'upgrade.notUnderstood' as const, offerHuman: context.misunderstood >= 2 },
      choices: context.misunderstood >= 2 ? HUMAN_CHOICES : [],
    })),
    replyResult: emit(({ context }) => ({
      type: 'bot.reply' as const,
      reply: resultReply(context),
      choices: [],
    })),
    replyBlocked: emit(({ context }) => ({
      type: 'bot.reply' as const,
      reply: {
        key: 'upgrade.blocked' as const,
        domain: chosenService(context).domain,
        invoice: context.pendingInvoice,
        currencyCode: context.currencyCode,
      },
      choices: HUMAN_CHOICES,
    })),
  },
}).createMachine({
  id: 'upgrade',
  context: ({ input }) => initialContext(input),
  initial: 'loadingAccount',
  output: ({ context }) => ({
    outcome: context.outcome ?? 'done',
    serviceId: context.serviceId ?? undefined,
    stage: upgradeStage(context.outcome ?? 'done', context),
  }),
  on: {
    'user.cancel': { target: '.cancelled' },
    'user.human': {
      description: 'A person takes over; the flow waits where it stands until hand-back.',
    },
    'staff.handback': { actions: 'repeatPrompt' },
    'user.help': {
      actions: [{ type: 'reply', params: { reply: { key: 'upgrade.help' } } }, 'repeatPrompt'],
    },
    'user.chose': NOT_UNDERSTOOD,
    'user.entered': NOT_UNDERSTOOD,
    'user.confirmed': NOT_UNDERSTOOD,
    'user.declined': NOT_UNDERSTOOD,
    'user.unrecognized': NOT_UNDERSTOOD,
  },
  states: {
    loadingAccount: {
      tags: ['busy'],
      description: 'Fetching the customer services and the OX Mail package catalogue.',
      invoke: {
        id: 'loadAccount',
        src: 'loadAccount',
        input: ({ context }) => ({
          clientId: context.clientId,
          productGroupId: context.productGroupId,
        }),
        onDone: {
          target: 'routingServices',
          actions: { type: 'rememberAccount', params: ({ event }) => event.output },
        },
        onError: {
          target: 'failed',
          actions: {
            type: 'rememberFailure',
            params: ({ event }) => ({ step: 'loading' as const, error: event.error }),
          },
        },
      },
      after: {
        apiTimeout: {
          target: 'failed',
          actions: { type: 'rememberTimeout', params: { step: 'loading' as const } },
        },
      },
    },
    routingServices: {
      always: [
        { guard: 'hasNoServices', target: 'noServices' },
        { guard: 'hasOneService', target: 'checkingService', actions: 'chooseOnlyService' },
        { target: 'choosingService' },
      ],
    },
    choosingService: {
      description: 'Waiting for the customer to pick one of several OX Mail services.',
      entry: { type: 'prompt', params: { build: servicePrompt } },
      on: {
        'user.chose': {
          guard: 'isOfferedService',
          target: 'checkingService',
          actions: 'rememberService',
        },
      },
    },
    checkingService: {
      always: [
        { guard: 'isServiceInactive', target: 'serviceNotActive' },
        { target: 'checkingPendingUpgrade' },
      ],
    },
    checkingPendingUpgrade: {
      tags: ['busy'],
      description:
        'Package and account upgrades cannot be combined: looking for an unpaid upgrade first.',
      invoke: {
        id: 'findPendingInvoice',
        src: 'findPendingInvoice',
        input: ({ context }) => pendingInvoiceInput(context),
        onDone: [
          {
            guard: 'foundInvoice',
            target: 'blockedByUnpaidInvoice',
            actions: { type: 'rememberPendingInvoice', params: ({ event }) => event.output },
          },
          { target: 'routingKind' },
        ],
        // The quote still detects an upgrade in progress, so a failed look-up does not stop the flow.
        onError: { target: 'routingKind' },
      },
      after: { apiTimeout: { target: 'routingKind' } },
    },
    routingKind: {
      always: [
        { guard: 'kindUnknown', target: 'choosingKind' },
        { guard: 'wantsPackage', target: 'checkingPackages' },
        { target: 'checkingAccounts' },
      ],
    },
    choosingKind: {
      description: 'Waiting for the customer to choose a package upgrade or more accounts.',
      entry: { type: 'prompt', params: { build: kindPrompt } },
      on: {
        'user.chose': { guard: 'isKindChoice', target: 'routingKind', actions: 'rememberKind' },
      },
    },
    checkingPackages: {
      always: [
        { guard: 'hasNoHigherPackage', target: 'nothingToUpgrade' },
        { target: 'choosingPackage' },
      ],
    },
    choosingPackage: {
      description: 'Showing the packages above the current one with their prices.',
      entry: { type: 'prompt', params: { build: packagePrompt } },
      on: {
        'user.chose': { guard: 'isOfferedPackage', target: 'quoting', actions: 'draftPackage' },
      },
    },
    checkingAccounts: {
      always: [
        { guard: 'hasNoAccountOption', target: 'nothingToUpgrade' },
        { guard: 'isAtAccountMaximum', target: 'nothingToUpgrade' },
        {
          guard: 'hasValidRequestedAccounts',
          target: 'quoting',
          actions: {
            type: 'draftAccounts',
            params: ({ context }) => ({ add: context.requestedAccounts ?? 0 }),
          },
        },
        { target: 'enteringAccounts' },
      ],
    },
    enteringAccounts: {
      description: 'Waiting for how many email accounts to add.',
      entry: { type: 'prompt', params: { build: accountsPrompt } },
      on: {
        'user.entered': [
          {
            guard: 'isValidAccountsToAdd',
            target: 'quoting',
            actions: {
              type: 'draftAccounts',
              params: ({ event }) => ({ add: event.value }),
            },
          },
          { actions: ['replyInvalidAccounts', 'repeatPrompt'] },
        ],
      },
    },
    quoting: {
      tags: ['busy'],
      description: 'Asking Clientzone for the prorated price (calconly).',
      invoke: {
        id: 'quoteUpgrade',
        src: 'quoteUpgrade',
        input: ({ context }) => upgradeRequest(context),
        onDone: [
          {
            guard: 'isUpgradeInProgress',
            target: 'findingPendingInvoice',
          },
          {
            target: 'confirming',
            actions: { type: 'rememberQuote', params: ({ event }) => event.output },
          },
        ],
        onError: {
          target: 'failed',
          actions: {
            type: 'rememberFailure',
            params: ({ event }) => ({ step: 'quoting' as const, error: event.error }),
          },
        },
      },
      after: {
        apiTimeout: {
          target: 'failed',
          actions: { type: 'rememberTimeout', params: { step: 'quoting' as const } },
        },
      },
    },
    findingPendingInvoice: {
      tags: ['busy'],
      description: 'An upgrade is already in progress: finding its unpaid invoice to show.',
      invoke: {
        id: 'findPendingInvoice',
        src: 'findPendingInvoice',
        input: ({ context }) => pendingInvoiceInput(context),
        onDone: {
          target: 'blockedByUnpaidInvoice',
          actions: { type: 'rememberPendingInvoice', params: ({ event }) => event.output },
        },
        onError: { target: 'blockedByUnpaidInvoice' },
      },
      after: { apiTimeout: { target: 'blockedByUnpaidInvoice' } },
    },
    confirming: {
      description: 'Showing the price and what changes; waiting for yes or no.',
      entry: { type: 'prompt', params: { build: confirmPrompt } },
      on: {
        'user.confirmed': { target: 'recheckingBeforePlacing' },
        'user.declined': { target: 'cancelled' },
      },
    },
    recheckingBeforePlacing: {
      tags: ['busy'],
      description:
        'Quoting again right before placing, so an upgrade that already exists is adopted.',
      invoke: {
        id: 'quoteUpgrade',
        src: 'quoteUpgrade',
        input: ({ context }) => upgradeRequest(context),
        onDone: [
          { guard: 'isUpgradeInProgress', target: 'adoptingPendingInvoice' },
          { target: 'placingUpgrade' },
        ],
        onError: {
          target: 'failed',
          actions: {
            type: 'rememberFailure',
            params: ({ event }) => ({ step: 'placing' as const, error: event.error }),
          },
        },
      },
      after: {
        apiTimeout: {
          target: 'failed',
          actions: { type: 'rememberTimeout', params: { step: 'placing' as const } },
        },
      },
    },
    placingUpgrade: {
      tags: ['busy'],
      description: 'Placing the upgrade order in Clientzone and reading its invoice.',
      invoke: {
        id: 'placeUpgrade',
        src: 'placeUpgrade',
        input: ({ context }) => ({
          clientId: context.clientId,
          domain: chosenService(context).domain,
          request: upgradeRequest(context),
        }),
        onDone: {
          target: 'done',
          actions: { type: 'rememberResult', params: ({ event }) => event.output },
        },
        onError: [
          { guard: 'isUpgradePendingError', target: 'adoptingPendingInvoice' },
          {
            target: 'failed',
            actions: {
              type: 'rememberFailure',
              params: ({ event }) => ({ step: 'placing' as const, error: event.error }),
            },
          },
        ],
      },
      after: {
        apiTimeout: {
          target: 'failed',
          actions: { type: 'rememberTimeout', params: { step: 'placing' as const } },
        },
      },
    },
    adoptingPendingInvoice: {
      tags: ['busy'],
      description:
        'Clientzone already has an unpaid upgrade for this service: report it, place nothing.',
      invoke: {
        id: 'findPendingInvoice',
        src: 'findPendingInvoice',
        input: ({ context }) => pendingInvoiceInput(context),
        onDone: {
          target: 'done',
          actions: {
            type: 'rememberResult',
            params: ({ event }) => ({ invoice: event.output, orderNumber: null, adopted: true }),
          },
        },
        onError: {
          target: 'done',
          actions: {
            type: 'rememberResult',
            params: { invoice: null, orderNumber: null, adopted: true },
          },
        },
      },
      after: {
        apiTimeout: {
          target: 'done',
          actions: {
            type: 'rememberResult',
            params: { invoice: null, orderNumber: null, adopted: true },
          },
        },
      },
    },
    failed: {
      description:
        'Clientzone failed or timed out; the customer can retry, ask for a person or cancel.',
      entry: { type: 'prompt', params: { build: failedPrompt } },
      on: {
        'user.chose': [
          { guard: { type: 'isRetryOf', params: { step: 'loading' } }, target: 'loadingAccount' },
          { guard: { type: 'isRetryOf', params: { step: 'quoting' } }, target: 'quoting' },
          {
            guard: { type: 'isRetryOf', params: { step: 'placing' } },
            target: 'recheckingBeforePlacing',
          },
        ],
      },
    },
    blockedByUnpaidInvoice: {
      type: 'final',
      description: 'Package and account upgrades cannot be combined: an upgrade invoice is unpaid.',
      entry: [{ type: 'finish', params: { outcome: 'blocked' } }, 'replyBlocked'],
    },
    done: {
      type: 'final',
      entry: [{ type: 'finish', params: { outcome: 'done' } }, 'replyResult'],
    },
    noServices: {
      type: 'final',
      entry: [
        { type: 'finish', params: { outcome: 'nothingToDo' } },
        { type: 'reply', params: { reply: { key: 'upgrade.noServices' }, choices: HUMAN_CHOICES } },
      ],
    },
    serviceNotActive: {
      type: 'final',
      entry: [{ type: 'finish', params: { outcome: 'ineligible' } }, 'replyNotActive'],
    },
    nothingToUpgrade: {
      type: 'final',
      entry: [{ type: 'finish', params: { outcome: 'nothingToDo' } }, 'replyNothingToUpgrade'],
    },
    cancelled: {
      type: 'final',
      entry: [
        { type: 'finish', params: { outcome: 'cancelled' } },
        { type: 'reply', params: { reply: { key: 'upgrade.cancelled' } } },
      ],
    },
  },
});

type PromptBuilder = (context: UpgradeContext) => UpgradePrompt;

function initialContext(input: UpgradeInput): UpgradeContext {
  return {
    clientId: input.clientId,
    productGroupId: input.productGroupId,
    paymentMethod: input.paymentMethod,
    currencyCode: input.currencyCode,
    apiTimeoutMs: input.apiTimeoutMs ?? 12_000,
    kind: input.kind ?? null,
    requestedAccounts: input.requestedAccounts ?? null,
    services: [],
    packages: [],
    accountOption: null,
    serviceId: null,
    draft: null,
    quote: null,
    result: null,
    pendingInvoice: null,
    errorCode: null,
    failedStep: null,
    prompt: null,
    misunderstood: 0,
    outcome: null,
  };
}

function resultReply(context: UpgradeContext): UpgradeReply {
  const service = chosenService(context);
  const result = context.result;
  const change = describeChange(context);
  if (!result?.invoice) {
    return result?.adopted
      ? {
          key: 'upgrade.adopted',
          domain: service.domain,
          invoice: null,
          currencyCode: context.currencyCode,
        }
      : { key: 'upgrade.appliedWithoutInvoice', domain: service.domain, change };
  }
  return result.adopted
    ? {
        key: 'upgrade.adopted',
        domain: service.domain,
        invoice: result.invoice,
        currencyCode: context.currencyCode,
      }
    : {
        key: 'upgrade.placed',
        domain: service.domain,
        change,
        invoice: result.invoice,
        currencyCode: context.currencyCode,
      };
}

function describeChange(context: UpgradeContext): UpgradeChange {
  const draft = context.draft;
  if (draft?.type === 'configoptions') {
    return { kind: 'accounts', add: draft.addQty, total: draft.newQty };
  }
  return { kind: 'package', name: draft?.newProductName ?? '' };
}

function nothingToUpgradeReply(context: UpgradeContext): UpgradeReply {
  const service = chosenService(context);
  if (context.kind === 'package') {
    return {
      key: 'upgrade.noHigherPackage',
      domain: service.domain,
      productName: service.productName,
    };
  }
  const limits = accountLimits(service, context.accountOption);
  if (!limits) return { key: 'upgrade.noAccountOption', domain: service.domain };
  return {
    key: 'upgrade.accountsAtMaximum',
    domain: service.domain,
    current: limits.current,
    max: limits.max,
  };
}

/** The Clientzone request for the current draft; only ever for the chosen service of the bound client. */
export function upgradeRequest(context: UpgradeContext): UpgradeRequest {
  const service = chosenService(context);
  const draft = context.draft;
  if (!draft) throw new Error('upgrade flow has no draft');
  if (draft.type === 'product') {
    return {
      type: 'product',
      serviceId: service.id,
      paymentMethod: context.paymentMethod,
      newProductId: draft.newProductId,
      newBillingCycle: draft.newBillingCycle,
    };
  }
  return {
    type: 'configoptions',
    serviceId: service.id,
    paymentMethod: context.paymentMethod,
    configOptions: { [draft.optionId]: draft.newQty },
  };
}

function pendingInvoiceInput(context: UpgradeContext): PendingInvoiceInput {
  const service = chosenService(context);
  return { clientId: context.clientId, serviceId: service.id, domain: service.domain };
}
