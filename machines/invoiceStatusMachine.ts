import { assign, emit, fromPromise, setup } from 'xstate';
import type { FlowStage } from './caseStage.js';
import type { ChoiceOption, FlowOutcome, FlowOutput, UserEvent } from './conversationTypes.js';
import { errorCodeOfActorError, notProvided } from './machineSupport.js';

export interface InvoiceLine {
  id: number;
  total: number;
  dueDate: string | null;
  status: string;
  /** What the invoice is for, from its lines. */
  purpose: 'upgrade' | 'renewal' | 'other';
}

export type InvoiceStatusResult =
  { kind: 'list'; invoices: InvoiceLine[] } | { kind: 'one'; invoice: InvoiceLine | null };

export type InvoiceStatusReply =
  | { key: 'invoice.none' }
  | { key: 'invoice.list'; invoices: InvoiceLine[]; currencyCode: string }
  | { key: 'invoice.one'; invoice: InvoiceLine; currencyCode: string }
  | { key: 'invoice.notFound'; invoiceId: number }
  | { key: 'invoice.failed'; errorCode: string };

export interface InvoiceStatusInput {
  clientId: number;
  currencyCode: string;
  /** "status invoice 1234": that invoice only, and only if it is the client's. */
  invoiceId?: number;
  apiTimeoutMs?: number;
}

interface InvoiceStatusContext {
  clientId: number;
  currencyCode: string;
  invoiceId: number | null;
  apiTimeoutMs: number;
  result: InvoiceStatusResult | null;
  errorCode: string | null;
  outcome: FlowOutcome | null;
}

/** Bump when states or context change shape. */
export const INVOICE_STATUS_MACHINE_VERSION = 1;

const HUMAN: ChoiceOption = { value: 'cmd:human', label: { key: 'label.human' }, synonyms: [] };

/** The customer's unpaid invoices (upgrade and renewal) with links, or the status of one of theirs. */
export const invoiceStatusMachine = setup({
  types: {} as {
    context: InvoiceStatusContext;
    events: UserEvent;
    input: InvoiceStatusInput;
    output: FlowOutput;
    emitted: { type: 'bot.reply'; reply: InvoiceStatusReply; choices: ChoiceOption[] };
  },
  actors: {
    loadInvoiceStatus: fromPromise<
      InvoiceStatusResult,
      { clientId: number; invoiceId: number | null }
    >(notProvided('loadInvoiceStatus')),
  },
  delays: { apiTimeout: ({ context }) => context.apiTimeoutMs },
  actions: {
    rememberResult: assign((_, result: InvoiceStatusResult) => ({
      result,
      outcome: 'done' as const,
    })),
    rememberFailure: assign((_, params: { error: unknown }) => ({
      errorCode: errorCodeOfActorError(params.error),
      outcome: 'nothingToDo' as const,
    })),
    replyResult: emit(({ context }) => ({
      type: 'bot.reply' as const,
      reply: resultReply(context),
      choices: [],
    })),
    replyFailure: emit(({ context }) => ({
      type: 'bot.reply' as const,
      reply: { key: 'invoice.failed' as const, errorCode: context.errorCode ?? 'INTERNAL' },
      choices: [HUMAN],
    })),
  },
}).createMachine({
  id: 'invoiceStatus',
  context: ({ input }) => ({
    clientId: input.clientId,
    currencyCode: input.currencyCode,
    invoiceId: input.invoiceId ?? null,
    apiTimeoutMs: input.apiTimeoutMs ?? 12_000,
    result: null,
    errorCode: null,
    outcome: null,
  }),
  initial: 'loading',
  output: ({ context }) => ({ outcome: context.outcome ?? 'done', stage: invoiceStage(context) }),
  states: {
    loading: {
      tags: ['busy'],
      description: 'Reading the unpaid invoices (or the one asked about) from Clientzone.',
      invoke: {
        id: 'loadInvoiceStatus',
        src: 'loadInvoiceStatus',
        input: ({ context }) => ({ clientId: context.clientId, invoiceId: context.invoiceId }),
        onDone: {
          target: 'answered',
          actions: { type: 'rememberResult', params: ({ event }) => event.output },
        },
        onError: {
          target: 'failed',
          actions: { type: 'rememberFailure', params: ({ event }) => ({ error: event.error }) },
        },
      },
      after: {
        apiTimeout: {
          target: 'failed',
          actions: { type: 'rememberFailure', params: { error: { code: 'CLIENTZONE_TIMEOUT' } } },
        },
      },
    },
    answered: { type: 'final', entry: 'replyResult' },
    failed: { type: 'final', entry: 'replyFailure' },
  },
});

function resultReply(context: InvoiceStatusContext): InvoiceStatusReply {
  const result = context.result;
  if (result?.kind === 'one') {
    return result.invoice
      ? { key: 'invoice.one', invoice: result.invoice, currencyCode: context.currencyCode }
      : { key: 'invoice.notFound', invoiceId: context.invoiceId ?? 0 };
  }
  if (!result || result.invoices.length === 0) return { key: 'invoice.none' };
  return { key: 'invoice.list', invoices: result.invoices, currencyCode: context.currencyCode };
}

/** The case card of an invoice question. */
export function invoiceStage(context: InvoiceStatusContext): FlowStage {
  const one = context.result?.kind === 'one' ? context.result.invoice : null;
  return {
    flow: 'invoice',
    state: context.outcome ?? 'loading',
    service: null,
    facts: Object.fromEntries(
      Object.entries({
        invoiceId: context.invoiceId ?? one?.id,
        errorCode: context.errorCode,
      }).filter((entry): entry is [string, string | number] => entry[1] != null),
    ),
  };
}
