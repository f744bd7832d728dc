import { brand, chooseLanguage, strings } from './strings.js';

const language = chooseLanguage(navigator.languages);
const text = strings[language];
// Web Chat puts this nonce on the <style> elements it injects (the page's CSP allows only those).
const nonce = document.querySelector('script[data-chat-page]')?.nonce || undefined;
const byId = (id) => document.getElementById(id);

const styleOptions = {
  accent: brand.accent,
  botAvatarInitials: brand.botInitials,
  botAvatarBackgroundColor: brand.accent,
  bubbleBackground: brand.botBubble,
  bubbleBorderRadius: 10,
  bubbleFromUserBackground: brand.userBubble,
  bubbleFromUserBorderRadius: 10,
  bubbleFromUserTextColor: brand.userBubbleText,
  hideUploadButton: true,
  sendBoxButtonColor: brand.accent,
  suggestedActionLayout: 'flow',
  suggestedActionBorderColor: brand.accent,
  suggestedActionTextColor: brand.accent,
};

function applyTexts() {
  document.documentElement.lang = language;
  document.title = `${text.title} – ${brand.name}`;
  byId('chat-title').textContent = text.title;
  byId('chat-subtitle').textContent = text.subtitle;
  byId('picker-title').textContent = text.pickerTitle;
  byId('picker-hint').textContent = text.pickerHint;
  byId('guest').textContent = text.guest;
  byId('switch-customer').textContent = text.switchCustomer;
  byId('webchat').setAttribute('aria-label', text.chatRegion);
}

function setStatus(message) {
  byId('chat-status').textContent = message;
}

async function postJson(url, body) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return response.json();
}

/** The sandbox's demo customers, or null when the bot runs against a real Clientzone. */
async function demoCustomers() {
  const response = await fetch('/api/chat/demo-customers');
  if (response.status === 404) return null;
  if (!response.ok) throw new Error(`demo customers answered ${response.status}`);
  return response.json();
}

function customerItem(customer) {
  const name = document.createElement('strong');
  name.textContent = `${customer.name} (#${customer.clientId})`;
  const label = document.createElement('span');
  label.textContent = customer.label ?? '';
  const button = document.createElement('button');
  button.type = 'button';
  button.dataset.clientId = String(customer.clientId);
  button.append(name, label);
  button.addEventListener('click', () => signIn(customer));
  const item = document.createElement('li');
  item.append(button);
  return item;
}

function showPicker(customers) {
  byId('customer-list').replaceChildren(...customers.map(customerItem));
  byId('guest').addEventListener('click', () => signIn(null));
  byId('picker').hidden = false;
}

function showSession(customer) {
  const signedIn = byId('signed-in-as');
  signedIn.textContent = `${text.signedInAs}: ${customer ? customer.name : text.guestLabel}`;
  signedIn.hidden = false;
  const change = byId('switch-customer');
  change.hidden = false;
  change.addEventListener('click', () => location.reload());
}

async function startChat(identityToken) {
  setStatus(text.loading);
  const session = await postJson('/api/chat/token', identityToken ? { identityToken } : {});
  const directLine = window.WebChat.createDirectLine({
    token: session.token,
    domain: `${location.origin}/v3/directline`,
    conversationStartProperties: { locale: text.webChatLocale },
  });
  const container = byId('webchat');
  container.hidden = false;
  window.WebChat.renderWebChat(
    { directLine, userID: session.userId, locale: text.webChatLocale, styleOptions, nonce },
    container,
  );
  setStatus('');
}

async function signIn(customer) {
  byId('picker').hidden = true;
  try {
    const demo = customer
      ? await postJson('/api/chat/demo-token', { clientId: customer.clientId })
      : null;
    showSession(customer);
    await startChat(demo ? demo.identityToken : null);
  } catch (error) {
    console.error(error);
    setStatus(text.startFailed);
  }
}

async function main() {
  applyTexts();
  try {
    const customers = await demoCustomers();
    if (customers) showPicker(customers);
    else await startChat(null);
  } catch (error) {
    console.error(error);
    setStatus(text.startFailed);
  }
}

main();
