import { assign, emit, enqueueActions, fromPromise, setup } from 'xstate';
import type { ChoiceOption, FlowOutcome, FlowOutput, UserEvent } from './conversationTypes.js';
import {
  DOWNGRADE_HUMAN_CHOICES,
  downgradeAccountsPrompt,
  downgradeConfirmPrompt,
  downgradeFailedPrompt,
  downgradePackagePrompt,
  downgradeService,
  downgradeServicePrompt,
  lowerPackages,
  reasonPrompt,
  reducibleAccounts,
  serviceWindow,
  tooEarlyPrompt,
} from './downgradePrompts.js';
import type {
  DowngradeContext,
  DowngradeInput,
  DowngradeInspection,
  DowngradePrompt,
  DowngradeReply,
  TicketRef,
} from './downgradeTypes.js';
import { downgradeStage } from './caseStage.js';
import { errorCodeOfActorError, notProvided, NOT_UNDERSTOOD } from './machineSupport.js';
import { isLate, isOverdue, isTooEarly } from './renewalWindow.js';
import { summariseCatalogue, summariseServices } from './upgradeOptions.js';
import type { LoadAccountOutput } from './upgradeMachine.js';
import type { RetryableStep } from './upgradeTypes.js';

/** Bump when states or context change shape: persisted snapshots of another version are dropped. */
export const DOWNGRADE_MACHINE_VERSION = 2;

export type DowngradeEvent = UserEvent;
export type DowngradeEmitted = {
  type: 'bot.reply';
  reply: DowngradeReply;
  choices: ChoiceOption[];
};

export interface InspectDowngradeInput {
  clientId: number;
  serviceId: number;
  domain: string;
  dueDate: string;
}
export interface ScheduleReminderInput {
  clientId: number;
  serviceId: number;
  domain: string;
  opensOn: string;
  dueDate: string;
  conversationId: string;
}
/** Everything Billing needs to act on the request, as the ticket lists it. */
export interface DowngradeTicketInput {
  clientId: number;
  serviceId: number;
  domain: string;
  dueDate: string;
  daysLeft: number;
  fromPackage: string;
  toPackage: string | null;
  fromAccounts: number | null;
  toAccounts: number | null;
  reason: string | null;
  conversationId: string;
  language: string;
}

type PromptBuilder = (context: DowngradeContext) => DowngradePrompt;
const reply = (r: DowngradeReply, choices: ChoiceOption[] = []): DowngradeEmitted => ({
  type: 'bot.reply',
  reply: r,
  choices,
});

/** The downgrade flow: near the renewal date, a request to the Billing department as a ticket. */
export const downgradeMachine = setup({
  types: {} as {
    context: DowngradeContext;
    events: DowngradeEvent;
    input: DowngradeInput;
    output: FlowOutput;
    emitted: DowngradeEmitted;
  },
  actors: {
    loadAccount: fromPromise<LoadAccountOutput, { clientId: number; productGroupId: number }>(
      notProvided('loadAccount'),
    ),
    inspectDowngrade: fromPromise<DowngradeInspection, InspectDowngradeInput>(
      notProvided('inspectDowngrade'),
    ),
    scheduleReminder: fromPromise<void, ScheduleReminderInput>(notProvided('scheduleReminder')),
    fileDowngradeTicket: fromPromise<TicketRef, DowngradeTicketInput>(
      notProvided('fileDowngradeTicket'),
    ),
  },
  delays: { apiTimeout: ({ context }) => context.apiTimeoutMs },
  guards: {
    hasNoServices: ({ context }) => context.services.length === 0,
    hasRequestedService: ({ context }) =>
      context.services.some((s) => s.id === context.requestedServiceId),
    hasOneService: ({ context }) => context.services.length === 1,
    isOfferedService: ({ context, event }) =>
      event.type === 'user.chose' && context.services.some((s) => String(s.id) === event.value),
    isServiceInactive: ({ context }) => downgradeService(context).status !== 'Active',
    hasNoDueDate: ({ context }) => downgradeService(context).nextDueDate === null,
    hasOpenTicket: ({ context }) => context.inspection?.existingTicket != null,
    isTooEarly: ({ context }) => isTooEarly(serviceWindow(context), context.windowDays),
    hasNothingLower: ({ context }) =>
      lowerPackages(context).length === 0 && reducibleAccounts(context) === null,
    hasLowerPackage: ({ context }) => lowerPackages(context).length > 0,
    isLowerPackage: ({ context, event }) =>
      event.type === 'user.chose' &&
      lowerPackages(context).some((p) => String(p.pid) === event.value),
    canReduceAccounts: ({ context }) => reducibleAccounts(context) !== null,
    isValidAccountTotal: ({ context, event }) => {
      const accounts = reducibleAccounts(context);
      return (
        event.type === 'user.entered' &&
        accounts !== null &&
        Number.isInteger(event.value) &&
        event.value >= accounts.min &&
        event.value <= accounts.current
      );
    },
    changesNothing: ({ context }) =>
      context.draft.newProductId === null && context.draft.newAccounts === null,
    isChoice: ({ event }, params: { value: string }) =>
      event.type === 'user.chose' && event.value === params.value,
    isRetryOf: ({ context, event }, params: { step: RetryableStep }) =>
      event.type === 'user.chose' && event.value === 'retry' && context.failedStep === params.step,
  },
  actions: {
    rememberAccount: assign(({ context }, output: LoadAccountOutput) => ({
      services: summariseServices(output.services, output.catalogue, context.productGroupId),
      ...summariseCatalogue(output.catalogue, context.currencyCode),
    })),
    chooseRequestedService: assign(({ context }) => ({ serviceId: context.requestedServiceId })),
    chooseOnlyService: assign(({ context }) => ({ serviceId: context.services[0]?.id ?? null })),
    rememberService: assign(({ event }) => ({
      serviceId: event.type === 'user.chose' ? Number(event.value) : null,
    })),
    rememberInspection: assign((_, inspection: DowngradeInspection) => ({ inspection })),
    draftPackage: assign(({ context, event }) => {
      const offer = lowerPackages(context).find(
        (p) => event.type === 'user.chose' && String(p.pid) === event.value,
      );
      return {
        draft: {
          ...context.draft,
          newProductId: offer?.pid ?? null,
          newProductName: offer?.name ?? null,
        },
      };
    }),
    draftAccounts: assign(({ context, event }) => {
      const current = reducibleAccounts(context)?.current;
      const total = event.type === 'user.entered' ? event.value : null;
      return { draft: { ...context.draft, newAccounts: total === current ? null : total } };
    }),
    draftReason: assign(({ context, event }) => ({
      draft: {
        ...context.draft,
        reason: event.type === 'user.said' ? event.text.trim().slice(0, 500) || null : null,
      },
    })),
    rememberTicket: assign((_, ticket: TicketRef) => ({ ticket })),
    rememberFailure: assign((_, params: { step: RetryableStep; error: unknown }) => ({
      failedStep: params.step,
      errorCode: errorCodeOfActorError(params.error),
    })),
    rememberTimeout: assign((_, params: { step: RetryableStep }) => ({
      failedStep: params.step,
      errorCode: 'CLIENTZONE_TIMEOUT',
    })),
    finish: assign((_, params: { outcome: FlowOutcome }) => ({ outcome: params.outcome })),
    prompt: enqueueActions(({ context, enqueue }, params: { build: PromptBuilder }) => {
      const prompt = params.build(context);
      enqueue.assign({ prompt, misunderstood: 0 });
      enqueue.emit(reply(prompt.reply, prompt.expects.choices));
    }),
    repeatPrompt: enqueueActions(({ context, enqueue }) => {
      if (context.prompt) enqueue.emit(reply(context.prompt.reply, context.prompt.expects.choices));
    }),
    countMisunderstanding: assign(({ context }) => ({ misunderstood: context.misunderstood + 1 })),
    reply: emit((_, params: { reply: DowngradeReply; choices?: ChoiceOption[] }) =>
      reply(params.reply, params.choices),
    ),
    replyNotUnderstood: emit(({ context }) =>
      reply(
        { key: 'downgrade.notUnderstood', offerHuman: context.misunderstood >= 2 },
        context.misunderstood >= 2 ? DOWNGRADE_HUMAN_CHOICES : [],
      ),
    ),
    replyServiceReply: emit(
      (
        { context },
        params: {
          key: 'notActive' | 'noDueDate' | 'alreadyFiled' | 'reminderSet' | 'nothingLower';
        },
      ) =>
        reply(
          serviceReply(context, params.key),
          params.key === 'reminderSet' ? [] : DOWNGRADE_HUMAN_CHOICES,
        ),
    ),
    replyInvalidAccounts: emit(({ context }) => {
      const accounts = reducibleAccounts(context);
      return reply({
        key: 'downgrade.invalidAccounts',
        min: accounts?.min ?? 0,
        max: accounts?.current ?? 0,
      });
    }),
    replyFiled: emit(({ context }) => {
      const window = serviceWindow(context);
      const unpaidRenewal = context.inspection?.unpaidRenewal ?? null;
      const overdue = isOverdue(window);
      const ticket = context.ticket ?? { id: 0, tid: '', status: '' };
      return reply(
        {
          key: 'downgrade.filed',
          domain: downgradeService(context).domain,
          ticket,
          dueDate: window.dueDate,
          late: isLate(window) && !overdue,
          unpaidRenewal,
          overdue,
          currencyCode: context.currencyCode,
        },
        overdue || unpaidRenewal ? DOWNGRADE_HUMAN_CHOICES : [],
      );
    }),
  },
}).createMachine({
  id: 'downgrade',
  context: ({ input }) => initialContext(input),
  initial: 'loadingAccount',
  output: ({ context }) => ({
    outcome: context.outcome ?? 'done',
    serviceId: context.serviceId ?? undefined,
    stage: downgradeStage(context.outcome ?? 'done', context),
  }),
  on: {
    'user.cancel': { target: '.cancelled' },
    'user.human': {
      description: 'A person takes over; the flow waits where it stands until hand-back.',
    },
    'staff.handback': { actions: 'repeatPrompt' },
    'user.help': {
      actions: [{ type: 'reply', params: { reply: { key: 'downgrade.help' } } }, 'repeatPrompt'],
    },
    'user.chose': NOT_UNDERSTOOD,
    'user.entered': NOT_UNDERSTOOD,
    'user.confirmed': NOT_UNDERSTOOD,
    'user.declined': NOT_UNDERSTOOD,
    'user.said': NOT_UNDERSTOOD,
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
        {
          guard: 'hasRequestedService',
          target: 'checkingService',
          actions: 'chooseRequestedService',
        },
        { guard: 'hasOneService', target: 'checkingService', actions: 'chooseOnlyService' },
        { target: 'choosingService' },
      ],
    },
    choosingService: {
      description: 'Waiting for the customer to pick one of several OX Mail services.',
      entry: { type: 'prompt', params: { build: downgradeServicePrompt } },
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
        { guard: 'hasNoDueDate', target: 'noDueDate' },
        { target: 'inspectingService' },
      ],
    },
    inspectingService: {
      tags: ['busy'],
      description: 'Looking for a downgrade ticket already filed and an unpaid renewal invoice.',
      invoke: {
        id: 'inspectDowngrade',
        src: 'inspectDowngrade',
        input: ({ context }) => ({
          clientId: context.clientId,
          serviceId: downgradeService(context).id,
          domain: downgradeService(context).domain,
          dueDate: serviceWindow(context).dueDate,
        }),
        onDone: {
          target: 'routingWindow',
          actions: { type: 'rememberInspection', params: ({ event }) => event.output },
        },
        onError: {
          target: 'failed',
          actions: {
            type: 'rememberFailure',
            params: ({ event }) => ({ step: 'inspecting' as const, error: event.error }),
          },
        },
      },
      after: {
        apiTimeout: {
          target: 'failed',
          actions: { type: 'rememberTimeout', params: { step: 'inspecting' as const } },
        },
      },
    },
    routingWindow: {
      always: [
        { guard: 'hasOpenTicket', target: 'alreadyFiled' },
        { guard: 'isTooEarly', target: 'tooEarly' },
        { guard: 'hasNothingLower', target: 'nothingLower' },
        { guard: 'hasLowerPackage', target: 'choosingPackage' },
        { target: 'enteringAccounts' },
      ],
    },
    tooEarly: {
      description:
        'More than the window before the due date: says when it opens, offers a reminder.',
      entry: { type: 'prompt', params: { build: tooEarlyPrompt } },
      on: {
        'user.chose': [
          {
            guard: { type: 'isChoice', params: { value: 'remind' } },
            target: 'schedulingReminder',
          },
          { guard: { type: 'isChoice', params: { value: 'no' } }, target: 'reminderDeclined' },
        ],
        'user.declined': { target: 'reminderDeclined' },
        'user.confirmed': { target: 'schedulingReminder' },
      },
    },
    schedulingReminder: {
      tags: ['busy'],
      description: 'Storing a reminder for the day the downgrade window opens.',
      invoke: {
        id: 'scheduleReminder',
        src: 'scheduleReminder',
        input: ({ context }) => ({
          clientId: context.clientId,
          serviceId: downgradeService(context).id,
          domain: downgradeService(context).domain,
          opensOn: serviceWindow(context).opensOn,
          dueDate: serviceWindow(context).dueDate,
          conversationId: context.conversationId,
        }),
        onDone: { target: 'reminderSet' },
        onError: {
          target: 'failed',
          actions: {
            type: 'rememberFailure',
            params: ({ event }) => ({ step: 'scheduling' as const, error: event.error }),
          },
        },
      },
      after: {
        apiTimeout: {
          target: 'failed',
          actions: { type: 'rememberTimeout', params: { step: 'scheduling' as const } },
        },
      },
    },
    choosingPackage: {
      description: 'Showing the packages below the current one, with their prices.',
      entry: { type: 'prompt', params: { build: downgradePackagePrompt } },
      on: {
        'user.chose': [
          { guard: 'isLowerPackage', target: 'afterPackage', actions: 'draftPackage' },
          {
            guard: { type: 'isChoice', params: { value: 'keep' } },
            target: 'enteringAccounts',
          },
        ],
      },
    },
    afterPackage: {
      always: [
        { guard: 'canReduceAccounts', target: 'enteringAccounts' },
        { target: 'enteringReason' },
      ],
    },
    enteringAccounts: {
      description: 'Waiting for the new, lower number of email accounts (or keep).',
      entry: { type: 'prompt', params: { build: downgradeAccountsPrompt } },
      on: {
        'user.entered': [
          { guard: 'isValidAccountTotal', target: 'checkingDraft', actions: 'draftAccounts' },
          { actions: ['replyInvalidAccounts', 'repeatPrompt'] },
        ],
        'user.chose': {
          guard: { type: 'isChoice', params: { value: 'keep' } },
          target: 'checkingDraft',
        },
      },
    },
    checkingDraft: {
      always: [{ guard: 'changesNothing', target: 'nothingChanges' }, { target: 'enteringReason' }],
    },
    enteringReason: {
      description: 'Asking for an optional reason for Billing.',
      entry: { type: 'prompt', params: { build: reasonPrompt } },
      on: {
        'user.said': { target: 'confirming', actions: 'draftReason' },
        'user.chose': {
          guard: { type: 'isChoice', params: { value: 'skip' } },
          target: 'confirming',
        },
      },
    },
    confirming: {
      description: 'Showing the request; waiting for yes or no.',
      entry: { type: 'prompt', params: { build: downgradeConfirmPrompt } },
      on: {
        'user.confirmed': { target: 'filingTicket' },
        'user.declined': { target: 'cancelled' },
      },
    },
    filingTicket: {
      tags: ['busy'],
      description:
        'Filing the ticket to Billing; an existing ticket for this due date is reported instead.',
      invoke: {
        id: 'fileDowngradeTicket',
        src: 'fileDowngradeTicket',
        input: ({ context }) => ticketInput(context),
        onDone: {
          target: 'filed',
          actions: { type: 'rememberTicket', params: ({ event }) => event.output },
        },
        onError: {
          target: 'failed',
          actions: {
            type: 'rememberFailure',
            params: ({ event }) => ({ step: 'filing' as const, error: event.error }),
          },
        },
      },
      after: {
        apiTimeout: {
          target: 'failed',
          actions: { type: 'rememberTimeout', params: { step: 'filing' as const } },
        },
      },
    },
    failed: {
      description:
        'Clientzone failed or timed out; the customer can retry, ask for a person or cancel.',
      entry: { type: 'prompt', params: { build: downgradeFailedPrompt } },
      on: {
        'user.chose': [
          { guard: { type: 'isRetryOf', params: { step: 'loading' } }, target: 'loadingAccount' },
          {
            guard: { type: 'isRetryOf', params: { step: 'inspecting' } },
            target: 'inspectingService',
          },
          {
            guard: { type: 'isRetryOf', params: { step: 'scheduling' } },
            target: 'schedulingReminder',
          },
          { guard: { type: 'isRetryOf', params: { step: 'filing' } }, target: 'filingTicket' },
        ],
      },
    },
    filed: {
      type: 'final',
      description: 'The ticket exists; the customer has its number and what happens next.',
      entry: [{ type: 'finish', params: { outcome: 'done' } }, 'replyFiled'],
    },
    alreadyFiled: {
      type: 'final',
      description: 'One open downgrade ticket per service and due date: the existing one is shown.',
      entry: [
        { type: 'finish', params: { outcome: 'done' } },
        { type: 'replyServiceReply', params: { key: 'alreadyFiled' } },
      ],
    },
    reminderSet: {
      type: 'final',
      entry: [
        { type: 'finish', params: { outcome: 'done' } },
        { type: 'replyServiceReply', params: { key: 'reminderSet' } },
      ],
    },
    reminderDeclined: {
      type: 'final',
      entry: [
        { type: 'finish', params: { outcome: 'cancelled' } },
        { type: 'reply', params: { reply: { key: 'downgrade.reminderDeclined' } } },
      ],
    },
    nothingLower: {
      type: 'final',
      entry: [
        { type: 'finish', params: { outcome: 'nothingToDo' } },
        { type: 'replyServiceReply', params: { key: 'nothingLower' } },
      ],
    },
    nothingChanges: {
      type: 'final',
      entry: [
        { type: 'finish', params: { outcome: 'nothingToDo' } },
        { type: 'reply', params: { reply: { key: 'downgrade.nothingChanges' } } },
      ],
    },
    noServices: {
      type: 'final',
      entry: [
        { type: 'finish', params: { outcome: 'nothingToDo' } },
        {
          type: 'reply',
          params: { reply: { key: 'downgrade.noServices' }, choices: DOWNGRADE_HUMAN_CHOICES },
        },
      ],
    },
    serviceNotActive: {
      type: 'final',
      entry: [
        { type: 'finish', params: { outcome: 'ineligible' } },
        { type: 'replyServiceReply', params: { key: 'notActive' } },
      ],
    },
    noDueDate: {
      type: 'final',
      entry: [
        { type: 'finish', params: { outcome: 'ineligible' } },
        { type: 'replyServiceReply', params: { key: 'noDueDate' } },
      ],
    },
    cancelled: {
      type: 'final',
      entry: [
        { type: 'finish', params: { outcome: 'cancelled' } },
        { type: 'reply', params: { reply: { key: 'downgrade.cancelled' } } },
      ],
    },
  },
});

function initialContext(input: DowngradeInput): DowngradeContext {
  return {
    clientId: input.clientId,
    productGroupId: input.productGroupId,
    currencyCode: input.currencyCode,
    today: input.today,
    windowDays: input.windowDays,
    apiTimeoutMs: input.apiTimeoutMs ?? 12_000,
    requestedServiceId: input.serviceId ?? null,
    conversationId: input.conversationId,
    language: input.language,
    services: [],
    packages: [],
    accountOption: null,
    serviceId: null,
    inspection: null,
    draft: { newProductId: null, newProductName: null, newAccounts: null, reason: null },
    ticket: null,
    errorCode: null,
    failedStep: null,
    prompt: null,
    misunderstood: 0,
    outcome: null,
  };
}

function serviceReply(
  context: DowngradeContext,
  key: 'notActive' | 'noDueDate' | 'alreadyFiled' | 'reminderSet' | 'nothingLower',
): DowngradeReply {
  const service = downgradeService(context);
  switch (key) {
    case 'notActive':
      return { key: 'downgrade.serviceNotActive', domain: service.domain, status: service.status };
    case 'noDueDate':
      return { key: 'downgrade.noDueDate', domain: service.domain };
    case 'alreadyFiled': {
      const ticket = context.inspection?.existingTicket ?? { id: 0, tid: '', status: '' };
      return { key: 'downgrade.alreadyFiled', domain: service.domain, ticket };
    }
    case 'reminderSet':
      return {
        key: 'downgrade.reminderSet',
        domain: service.domain,
        opensOn: serviceWindow(context).opensOn,
      };
    case 'nothingLower':
      return {
        key: 'downgrade.nothingLower',
        domain: service.domain,
        productName: service.productName,
        accounts: service.accounts,
      };
  }
}

/** The ticket's content: the chosen service of the bound client and the drafted change. */
export function ticketInput(context: DowngradeContext): DowngradeTicketInput {
  const service = downgradeService(context);
  const window = serviceWindow(context);
  return {
    clientId: context.clientId,
    serviceId: service.id,
    domain: service.domain,
    dueDate: window.dueDate,
    daysLeft: window.daysLeft,
    fromPackage: service.productName,
    toPackage: context.draft.newProductName,
    fromAccounts: service.accounts,
    toAccounts: context.draft.newAccounts,
    reason: context.draft.reason,
    conversationId: context.conversationId,
    language: context.language,
  };
}
