import type { Texts } from './texts.js';

/** Clientzone states the days left only for package quotes. */
const days = (n: number) => (n > 0 ? ` (${n} days)` : '');

const errors: Record<string, string> = {
  CLIENTZONE_TIMEOUT: 'Clientzone is responding slowly, so I could not go on.',
  CLIENTZONE_UNAVAILABLE: 'Clientzone cannot be reached right now.',
  CLIENTZONE_AUTH: 'We have a configuration problem reaching Clientzone.',
  CLIENTZONE_REJECTED: 'Clientzone declined this request.',
  placingUncertain:
    'I did not get a confirmation from Clientzone whether the upgrade was placed. If you choose "Try again", I will check Clientzone first so nothing is ordered twice.',
  default: 'Something went wrong while processing your request.',
};

function failureText(errorCode: string, step: string): string {
  if (
    step === 'placing' &&
    (errorCode === 'CLIENTZONE_TIMEOUT' || errorCode === 'CLIENTZONE_UNAVAILABLE')
  ) {
    return errors.placingUncertain ?? '';
  }
  return errors[errorCode] ?? errors.default ?? '';
}

/** English, for an `en` activity locale or a client whose Clientzone language is English. */
export const en: Texts = {
  language: 'en',
  intlLocale: 'en-US',
  common: {
    welcome: (name) =>
      `Hello${name ? ` ${name}` : ''}! I am the OX Mail virtual assistant. I can upgrade the package of your OX Mail service or add email accounts to it.`,
    menuPrompt: 'What would you like to do?',
    or: 'or',
    menuUpgradePackage: 'Upgrade package',
    menuAddAccounts: 'Add email accounts',
    menuHuman: 'Talk to support',
    menuHelp: 'Help',
    mainHelp:
      'You can write, for example, "I want to upgrade my email package" or "add 5 email accounts". Package and account upgrades cannot be combined: do one first until its invoice is paid. Type "agent" at any time to talk to our team, or "cancel" to stop.',
    greeting: (name) => `Hello${name ? ` ${name}` : ''}! How can I help?`,
    thanks: "You're welcome! Glad to help.",
    notUnderstood: "Sorry, I didn't understand that. Please pick one of the options below.",
    anythingElse: 'Is there anything else I can help with?',
    signInRequired:
      'To see or change your services, please sign in to Clientzone and open the chat from the Clientzone page, so I know your account. You can also talk to our team.',
    identityMismatch:
      'This conversation is already linked to another Clientzone account, so I cannot use this sign-in here. Please start a new chat from the Clientzone page.',
    staleButton: 'That button belongs to an earlier message and is no longer active.',
    flowReset:
      'Sorry, the previous conversation could not be continued because our system was updated. Please start again.',
    somethingWentWrong:
      'Sorry, something went wrong on our side. Please try again in a moment, or type "agent" to talk to our team.',
    stillWorking:
      'Clientzone is taking longer than usual. Please send your message again in a moment; nothing will be processed twice.',
    handoffRequested:
      'To talk to our support team directly, please open a ticket in Clientzone (Support menu) or reach us by email or phone. I am still here to help with upgrades.',
    cycles: {
      monthly: 'monthly',
      quarterly: 'quarterly',
      semiannually: 'semi-annually',
      annually: 'annually',
      biennially: 'every 2 years',
      triennially: 'every 3 years',
    },
    cyclesPer: {
      monthly: 'month',
      quarterly: '3 months',
      semiannually: '6 months',
      annually: 'year',
      biennially: '2 years',
      triennially: '3 years',
    },
    errors,
  },
  reply: {
    'upgrade.noServices': () =>
      'I could not find an OX Mail service in your Clientzone account. If you think that is wrong, our team is happy to help.',
    'upgrade.chooseService': (r) =>
      `You have ${r.count} OX Mail services. Which one do you want to upgrade?`,
    'upgrade.serviceNotActive': (r) =>
      `The service ${r.domain} is ${r.status}, so it cannot be changed in chat. Our team can look into its status.`,
    'upgrade.chooseKind': (r) =>
      `${r.domain} is on the ${r.productName} package${r.accounts === null ? '' : ` with ${r.accounts} email accounts`}. What do you want to upgrade?`,
    'upgrade.choosePackage': (r, f) =>
      `${r.domain} is on ${r.productName} (billed ${f.cycle(r.cycle)}). Choose the new package:`,
    'upgrade.noHigherPackage': (r) =>
      `${r.domain} is already on the highest package (${r.productName}). You can still add email accounts.`,
    'upgrade.noAccountOption': (r) =>
      `The service ${r.domain} has no account option that can be changed in chat.`,
    'upgrade.enterAccounts': (r) =>
      `${r.domain} has ${r.current} email accounts. How many accounts do you want to add (1 to ${r.maxAdd})?`,
    'upgrade.accountsAtMaximum': (r) =>
      `${r.domain} already has ${r.current} accounts, the maximum (${r.max}). Our team can help find another solution.`,
    'upgrade.invalidAccounts': (r) =>
      ({
        notWhole: 'Please write the number of accounts as a whole number, for example 5.',
        tooSmall: 'Please add at least 1 account.',
        tooLarge: `At most ${r.maxAdd} more accounts can be added to this service.`,
      })[r.reason],
    'upgrade.confirmPackage': (r, f) =>
      `Upgrade summary for ${r.domain}:\n\n- Package: ${r.from} → **${r.to}**\n- Prorated cost until the due date${days(r.daysUntilRenewal)}: **${f.money(r.price, r.currencyCode)}**\n- The new package takes effect once the invoice is paid.\n\nGo ahead with the upgrade?`,
    'upgrade.confirmAccounts': (r, f) =>
      `Summary for ${r.domain}:\n\n- Email accounts: ${r.current} + ${r.add} = **${r.total}**\n- Prorated cost until the due date${days(r.daysUntilRenewal)}: **${f.money(r.price, r.currencyCode)}**\n- The extra accounts take effect once the invoice is paid.\n\nGo ahead?`,
    'upgrade.blocked': (r, f) =>
      `Package and account upgrades cannot be combined. ${r.domain} still has an unpaid upgrade invoice${r.invoice ? `: invoice #${r.invoice.id}${r.invoice.total === null ? '' : ` for ${f.money(r.invoice.total, r.currencyCode)}`} ([view invoice](${f.invoiceUrl(r.invoice.id)}))` : ` (see your [invoices](${f.invoiceListUrl()}))`}. The next upgrade is possible once it is paid.`,
    'upgrade.placed': (r, f) =>
      `The upgrade of ${r.domain} to ${r.change.kind === 'package' ? `the ${r.change.name} package` : `${r.change.total} email accounts (+${r.change.add})`} has been created.\n\n- Invoice: **#${r.invoice.id}**\n- Amount: **${r.invoice.total === null ? '-' : f.money(r.invoice.total, r.currencyCode)}**\n- Due date: ${f.date(r.invoice.dueDate)}\n- [Pay the invoice](${f.invoiceUrl(r.invoice.id)})\n\nThe change takes effect once the invoice is paid.`,
    'upgrade.appliedWithoutInvoice': (r) =>
      `The upgrade of ${r.domain} to ${r.change.kind === 'package' ? `the ${r.change.name} package` : `${r.change.total} email accounts`} was applied at no extra cost.`,
    'upgrade.adopted': (r, f) =>
      r.invoice
        ? `${r.domain} already has an unpaid upgrade invoice, so I did not place a new order.\n\n- Invoice: **#${r.invoice.id}**\n- Amount: **${r.invoice.total === null ? '-' : f.money(r.invoice.total, r.currencyCode)}**\n- Due date: ${f.date(r.invoice.dueDate)}\n- [Pay the invoice](${f.invoiceUrl(r.invoice.id)})`
        : `${r.domain} already has an upgrade waiting for payment, so I did not place a new order. Please check your [invoices](${f.invoiceListUrl()}).`,
    'upgrade.failed': (r) =>
      `${failureText(r.errorCode, r.step)} You can try again or talk to our team.`,
    'upgrade.cancelled': () =>
      'All right, the upgrade is cancelled. Nothing changed on your service.',
    'upgrade.help': () =>
      'I am helping you upgrade your OX Mail service. Pick a button or type your answer. Type "cancel" to stop or "agent" to talk to our team.',
    'upgrade.notUnderstood': (r) =>
      r.offerHuman
        ? 'Sorry, I still did not understand. You can pick a button below or talk to our team.'
        : "Sorry, I didn't understand that answer.",
    'flow.handingOff': () => 'All right, let me connect you with our team.',
  },
  label: {
    'label.service': (l) => `${l.domain} (${l.productName})`,
    'label.package': (l, f) =>
      `${l.name} – ${f.money(l.price, l.currencyCode)}/${f.perCycle(l.cycle)}`,
    'label.kind.package': () => 'Upgrade package',
    'label.kind.accounts': () => 'Add email accounts',
    'label.retry': () => 'Try again',
    'label.human': () => 'Talk to support',
    'label.cancel': () => 'Cancel',
    'label.yes': () => 'Yes, go ahead',
    'label.no': () => 'No',
  },
};
