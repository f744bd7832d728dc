import { failureText } from './failureText.js';
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
  filingUncertain:
    'I did not get a confirmation from Clientzone whether the ticket was filed. If you choose "Try again", I will check first so nothing is filed twice.',
  default: 'Something went wrong while processing your request.',
};

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
    menuDowngrade: 'Downgrade package',
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
    stillNotUnderstood:
      'Sorry, I still did not understand. Pick an option below, or choose "Talk to support" to talk to our team.',
    handoff: {
      connecting: 'All right, I am connecting you with our support team. Please wait a moment.',
      queued: (position, eta) =>
        `All right, I am connecting you with our support team. You are number **${position}** in the queue, about ${eta} minutes of waiting. Type "cancel" to go back to the virtual assistant.`,
      queueUpdate: (position, eta) =>
        `You are now number **${position}** in the queue (about ${eta} more minutes).`,
      stillQueued: (position) =>
        `We have your message and our support team will read it. You are number ${position} in the queue.`,
      accepted: (name) => `${name} from our support team has joined and will help you.`,
      transferred: (name) => `Your conversation was passed to ${name} from our support team.`,
      returned: 'You are back with the OX Mail virtual assistant.',
      closed:
        'The conversation with our support team is closed. Thank you! Write any time if you need help again.',
      cancelled: 'All right, you left the queue and are back with the virtual assistant.',
      unavailable: (why, hours) =>
        ({
          hours: `Our support team is outside working hours (${hours}, Jakarta time).`,
          noStaff: 'No support agent is available for chat right now.',
          timeout: 'Sorry, our support team is still busy and you have waited a long time.',
        })[why] +
        ' Would you like to leave a message? It is sent as a ticket and our team answers it.',
      leaveMessagePrompt:
        'Please write your message in one reply. A summary of this conversation is attached.',
      messageFiled: (ticket) =>
        `Your message was sent as ticket **#${ticket}**. Our team will answer in that ticket (check your email and Clientzone).`,
      messageFailed:
        'Sorry, your message could not be sent because Clientzone has a problem. Please try again shortly.',
      guestCannotLeaveMessage:
        'To leave a message, please sign in to Clientzone and open the chat there, or email our support team.',
      leaveMessageButton: 'Leave a message',
      cancelWaitingButton: 'Stop waiting',
      noThanksButton: 'No, thanks',
      ticketSubject: 'Message from live chat',
      ticketMessage: (message, summary) =>
        `${message}\n\n---\n**Summary of the conversation:**\n\n${summary}`,
    },
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
      `${failureText(r.errorCode, r.step, errors)} You can try again or talk to our team.`,
    'upgrade.cancelled': () =>
      'All right, the upgrade is cancelled. Nothing changed on your service.',
    'upgrade.help': () =>
      'I am helping you upgrade your OX Mail service. Pick a button or type your answer. Type "cancel" to stop or "agent" to talk to our team.',
    'upgrade.notUnderstood': (r) =>
      r.offerHuman
        ? 'Sorry, I still did not understand. You can pick a button below or talk to our team.'
        : "Sorry, I didn't understand that answer.",
    'invoice.none': () => 'There are no unpaid invoices in your account.',
    'invoice.list': (r, f) =>
      [
        'Your unpaid invoices:',
        '',
        ...r.invoices.map(
          (i) =>
            `- [Invoice #${i.id}](${f.invoiceUrl(i.id)}) (${i.purpose}): **${f.money(i.total, r.currencyCode)}**, due ${f.date(i.dueDate)}`,
        ),
      ].join('\n'),
    'invoice.one': (r, f) =>
      `Invoice #${r.invoice.id} (${r.invoice.purpose}): ${r.invoice.status === 'Paid' ? '**paid**' : r.invoice.status === 'Unpaid' ? '**unpaid**' : `status ${r.invoice.status}`}, ${f.money(r.invoice.total, r.currencyCode)}, due ${f.date(r.invoice.dueDate)}. [View invoice](${f.invoiceUrl(r.invoice.id)})`,
    'invoice.notFound': (r) =>
      `I could not find invoice #${r.invoiceId} in your account. Please check the number.`,
    'invoice.failed': (r) =>
      `${failureText(r.errorCode, 'loading', errors)} You can try again or talk to our team.`,
    'flow.handingOff': () => 'All right, let me connect you with our team.',
    'downgrade.noServices': () =>
      'I could not find an OX Mail service in your Clientzone account. Our team is happy to help if that is wrong.',
    'downgrade.chooseService': (r) =>
      `You have ${r.count} OX Mail services. Which one do you want to downgrade?`,
    'downgrade.serviceNotActive': (r) =>
      `The service ${r.domain} is ${r.status}, so a downgrade cannot be requested in chat. Our team can help.`,
    'downgrade.noDueDate': (r) =>
      `The service ${r.domain} has no due date, so our team needs to handle a downgrade.`,
    'downgrade.alreadyFiled': (r) =>
      `A downgrade request for ${r.domain} was already filed: ticket **#${r.ticket.tid}** (status: ${r.ticket.status}). Billing will process it; there is no need to file it again.`,
    'downgrade.tooEarly': (r, f) =>
      `A downgrade can only be requested close to the due date. ${r.domain} is due on ${f.date(r.dueDate)} (in ${r.daysLeft} days), so a downgrade can be requested from **${f.date(r.opensOn)}**. Shall I remind you on that day?`,
    'downgrade.reminderSet': (r, f) =>
      `All right, I will remind you in this chat on ${f.date(r.opensOn)} to request the downgrade of ${r.domain}.`,
    'downgrade.reminderDeclined': () =>
      'All right. You can come back any time close to the due date.',
    'downgrade.nothingLower': (r) =>
      `${r.domain} is already on the lowest package (${r.productName})${r.accounts === null ? '' : ` with the minimum number of accounts (${r.accounts})`}, so there is nothing to downgrade.`,
    'downgrade.choosePackage': (r, f) =>
      `${r.domain} is on ${r.productName} (billed ${f.cycle(r.cycle)}) and due on ${f.date(r.dueDate)} (in ${r.daysLeft} days). Choose the package for the next period:`,
    'downgrade.enterAccounts': (r) =>
      `There are ${r.current} email accounts now. How many accounts do you want for the next period (at least ${r.min})?`,
    'downgrade.invalidAccounts': (r) => `Please write a whole number from ${r.min} to ${r.max}.`,
    'downgrade.nothingChanges': () =>
      'The package and the number of accounts stay the same, so there is no downgrade to request.',
    'downgrade.enterReason': () =>
      'May I ask why you want to downgrade? It helps Billing (optional: choose "Skip" to leave it out).',
    'downgrade.confirm': (r, f) =>
      `Downgrade request for ${r.domain}:\n\n- Package: ${r.toPackage ? `${r.fromPackage} → **${r.toPackage}**` : `${r.fromPackage} (unchanged)`}\n- Email accounts: ${r.toAccounts === null ? `${r.fromAccounts ?? '-'} (unchanged)` : `${r.fromAccounts ?? '-'} → **${r.toAccounts}**`}\n- From the period after ${f.date(r.dueDate)}\n- Reason: ${r.reason ?? '-'}\n\nSend this request to Billing?`,
    'downgrade.filed': (r, f) =>
      [
        `Your downgrade request for ${r.domain} was sent to Billing: ticket **#${r.ticket.tid}**. Billing will process it and answer in the ticket, so that the next invoice (due ${f.date(r.dueDate)}) uses the new package.`,
        r.late && !r.unpaidRenewal
          ? 'Note: the due date is less than 15 days away, so the renewal invoice may already be issued at the current price; Billing will adjust it.'
          : '',
        r.overdue || r.unpaidRenewal
          ? `Important: ${r.unpaidRenewal ? `renewal invoice #${r.unpaidRenewal.id}${r.unpaidRenewal.total === null ? '' : ` for ${f.money(r.unpaidRenewal.total, r.currencyCode)}`} ([view invoice](${f.invoiceUrl(r.unpaidRenewal.id)}))` : 'the overdue invoice'} must be settled first. Our team is happy to help.`
          : '',
      ]
        .filter(Boolean)
        .join('\n\n'),
    'downgrade.failed': (r) =>
      `${failureText(r.errorCode, r.step, errors)} You can try again or talk to our team.`,
    'downgrade.cancelled': () =>
      'All right, the downgrade request is cancelled. Nothing was filed.',
    'downgrade.help': () =>
      'I am helping you request a downgrade of your OX Mail service from Billing. Pick a button or type your answer. Type "cancel" to stop or "agent" to talk to our team.',
    'downgrade.notUnderstood': (r) =>
      r.offerHuman
        ? 'Sorry, I still did not understand. You can pick a button below or talk to our team.'
        : "Sorry, I didn't understand that answer.",
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
    'label.remindMe': () => 'Remind me',
    'label.noThanks': () => 'No, thanks',
    'label.keepPackage': () => 'Keep package, fewer accounts',
    'label.keepAccounts': () => 'Keep the accounts',
    'label.skip': () => 'Skip',
    'label.downgrade': () => 'Request the downgrade',
  },
  outside: {
    downgradeTicketSubject: (t) =>
      `OX Mail downgrade request ${t.domain} (service #${t.serviceId}, due ${t.dueDate})`,
    downgradeTicketMessage: (t, f) =>
      [
        'OX Mail downgrade request from live chat.',
        '',
        `- **Domain:** ${t.domain} (service #${t.serviceId})`,
        `- **Current package:** ${t.fromPackage}, ${t.fromAccounts ?? '-'} email accounts`,
        `- **Requested:** ${t.toPackage ?? `${t.fromPackage} (unchanged)`}, ${t.toAccounts ?? `${t.fromAccounts ?? '-'} (unchanged)`} email accounts`,
        `- **Next due date:** ${f.date(t.dueDate)} (${t.dueDate}), in ${t.daysLeft} days`,
        `- **Reason:** ${t.reason ?? '-'}`,
        `- **Conversation:** ${t.conversationId}`,
      ].join('\n'),
    downgradeReminder: (r, f) =>
      `Hello! As you asked, the OX Mail downgrade of ${r.domain} can be requested now (due ${f.date(r.dueDate)}).`,
    downgradeReminderButton: 'Request the downgrade',
  },
};
