import { expect } from 'chai';
import {
  chooseLanguage,
  createFormatters,
  formatMoney,
  textsFor,
} from '../../dialogs/locales/index.js';
import type { FlowReply } from '../../dialogs/locales/index.js';
import { replyText } from '../../dialogs/renderReply.js';

const INVOICE = { id: 7, total: 125000, dueDate: '2026-12-01', status: 'Unpaid' };
/** One sample of every reply key, so each text is rendered in both languages. */
const SAMPLES = [
  { key: 'upgrade.noServices' },
  { key: 'upgrade.chooseService', count: 2 },
  { key: 'upgrade.serviceNotActive', domain: 'a.id', status: 'Suspended' },
  { key: 'upgrade.chooseKind', domain: 'a.id', productName: 'OX Mail Starter', accounts: 5 },
  {
    key: 'upgrade.choosePackage',
    domain: 'a.id',
    productName: 'OX Mail Starter',
    cycle: 'annually',
  },
  { key: 'upgrade.noHigherPackage', domain: 'a.id', productName: 'OX Mail Enterprise' },
  { key: 'upgrade.noAccountOption', domain: 'a.id' },
  { key: 'upgrade.enterAccounts', domain: 'a.id', current: 5, maxAdd: 495 },
  { key: 'upgrade.accountsAtMaximum', domain: 'a.id', current: 500, max: 500 },
  { key: 'upgrade.invalidAccounts', reason: 'tooLarge', maxAdd: 3 },
  {
    key: 'upgrade.confirmPackage',
    domain: 'a.id',
    from: 'A',
    to: 'B',
    price: 1000,
    daysUntilRenewal: 10,
    currencyCode: 'IDR',
  },
  {
    key: 'upgrade.confirmAccounts',
    domain: 'a.id',
    current: 5,
    add: 5,
    total: 10,
    price: 1000,
    daysUntilRenewal: 0,
    currencyCode: 'IDR',
  },
  { key: 'upgrade.blocked', domain: 'a.id', invoice: INVOICE, currencyCode: 'IDR' },
  { key: 'upgrade.blocked', domain: 'a.id', invoice: null, currencyCode: 'IDR' },
  {
    key: 'upgrade.placed',
    domain: 'a.id',
    change: { kind: 'accounts', add: 5, total: 10 },
    invoice: INVOICE,
    currencyCode: 'IDR',
  },
  { key: 'upgrade.appliedWithoutInvoice', domain: 'a.id', change: { kind: 'package', name: 'B' } },
  { key: 'upgrade.adopted', domain: 'a.id', invoice: INVOICE, currencyCode: 'IDR' },
  { key: 'upgrade.adopted', domain: 'a.id', invoice: null, currencyCode: 'IDR' },
  { key: 'upgrade.failed', errorCode: 'CLIENTZONE_TIMEOUT', step: 'placing' },
  { key: 'upgrade.failed', errorCode: 'SOMETHING_NEW', step: 'loading' },
  { key: 'upgrade.cancelled' },
  { key: 'upgrade.help' },
  { key: 'upgrade.notUnderstood', offerHuman: true },
  { key: 'flow.handingOff' },
  { key: 'downgrade.noServices' },
  { key: 'downgrade.chooseService', count: 2 },
  { key: 'downgrade.serviceNotActive', domain: 'a.id', status: 'Suspended' },
  { key: 'downgrade.noDueDate', domain: 'a.id' },
  { key: 'downgrade.alreadyFiled', domain: 'a.id', ticket: { id: 1, tid: 'T-1', status: 'Open' } },
  {
    key: 'downgrade.tooEarly',
    domain: 'a.id',
    dueDate: '2027-03-01',
    opensOn: '2027-01-30',
    daysLeft: 95,
  },
  { key: 'downgrade.reminderSet', domain: 'a.id', opensOn: '2027-01-30' },
  { key: 'downgrade.reminderDeclined' },
  { key: 'downgrade.nothingLower', domain: 'a.id', productName: 'OX Mail Starter', accounts: 1 },
  {
    key: 'downgrade.choosePackage',
    domain: 'a.id',
    productName: 'B',
    cycle: 'monthly',
    dueDate: '2026-12-16',
    daysLeft: 20,
  },
  { key: 'downgrade.enterAccounts', domain: 'a.id', current: 10, min: 1 },
  { key: 'downgrade.invalidAccounts', min: 1, max: 10 },
  { key: 'downgrade.nothingChanges' },
  { key: 'downgrade.enterReason' },
  {
    key: 'downgrade.confirm',
    domain: 'a.id',
    fromPackage: 'B',
    toPackage: null,
    fromAccounts: 10,
    toAccounts: 5,
    dueDate: '2026-12-16',
    reason: null,
  },
  {
    key: 'downgrade.filed',
    domain: 'a.id',
    ticket: { id: 1, tid: 'T-1', status: 'Open' },
    dueDate: '2026-12-16',
    late: true,
    unpaidRenewal: null,
    overdue: false,
    currencyCode: 'IDR',
  },
  {
    key: 'downgrade.filed',
    domain: 'a.id',
    ticket: { id: 1, tid: 'T-1', status: 'Open' },
    dueDate: '2026-12-16',
    late: false,
    unpaidRenewal: INVOICE,
    overdue: true,
    currencyCode: 'IDR',
  },
  { key: 'downgrade.failed', errorCode: 'CLIENTZONE_TIMEOUT', step: 'filing' },
  { key: 'downgrade.cancelled' },
  { key: 'downgrade.help' },
  { key: 'downgrade.notUnderstood', offerHuman: false },
  { key: 'invoice.none' },
  {
    key: 'invoice.list',
    invoices: [
      { id: 7, total: 125000, dueDate: '2026-12-01', status: 'Unpaid', purpose: 'upgrade' },
    ],
    currencyCode: 'IDR',
  },
  {
    key: 'invoice.one',
    invoice: { id: 7, total: 125000, dueDate: '2026-12-01', status: 'Paid', purpose: 'renewal' },
    currencyCode: 'IDR',
  },
  { key: 'invoice.notFound', invoiceId: 42 },
  { key: 'invoice.failed', errorCode: 'CLIENTZONE_UNAVAILABLE' },
] as const satisfies readonly FlowReply[];

/** Fails to compile when a reply key has no sample above. */
type Missing = Exclude<FlowReply['key'], (typeof SAMPLES)[number]['key']>;
const everyKeySampled: Missing extends never ? true : Missing = true;
void everyKeySampled;

describe('locales', () => {
  for (const language of ['id', 'en'] as const) {
    const texts = textsFor(language);
    const formatters = createFormatters(texts, 'https://cz.example/');
    for (const sample of SAMPLES) {
      it(`when ${sample.key} is rendered in ${language}, then the text is complete`, () => {
        const text = replyText(sample, { texts, formatters });
        expect(text).to.have.length.above(10);
        expect(text).to.not.match(/undefined|null|NaN|\[object/);
      });
    }
  }

  it('when an invoice link is formatted, then it points at the client area once', () => {
    const formatters = createFormatters(textsFor('id'), 'https://cz.example/');
    expect(formatters.invoiceUrl(7)).to.equal('https://cz.example/viewinvoice.php?id=7');
  });

  it('when money is formatted, then it is Rupiah with Indonesian grouping in every language', () => {
    expect(formatMoney(1056000, 'IDR')).to.equal('Rp\u00a01.056.000');
  });

  for (const [activity, client, expected] of [
    ['en-US', 'indonesian', 'en'],
    ['id-ID', 'english', 'id'],
    [undefined, 'english', 'en'],
    [undefined, '', 'id'],
    ['fr-FR', null, 'id'],
  ] as const) {
    it(`when the activity locale is ${activity} and Clientzone says ${client}, then the language is ${expected}`, () => {
      expect(chooseLanguage(activity, client)).to.equal(expected);
    });
  }
});
