import { api } from './api.js';
import { byId } from './dom.js';
import { strings } from './strings.js';

function loginErrorText(error) {
  if (error.status === 401) return strings.invalidCredentials;
  if (error.status === 429) return strings.tooManyAttempts(error.body.retryAfterSeconds ?? 60);
  if (error.status === 0) return strings.networkError;
  return strings.unexpectedError(error.status);
}

/** Shows the login form until a login succeeds; resolves with `/me`. */
export function askForLogin(message = '') {
  const view = byId('login-view');
  const form = byId('login-form');
  const submit = byId('login-submit');
  const failure = byId('login-error');
  const username = byId('login-username');
  const password = byId('login-password');
  view.hidden = false;
  failure.textContent = message;
  password.value = '';
  (username.value ? password : username).focus();
  return new Promise((resolve) => {
    async function onSubmit(event) {
      event.preventDefault();
      if (!username.value.trim() || !password.value) {
        failure.textContent = strings.invalidCredentials;
        return;
      }
      submit.disabled = true;
      submit.textContent = strings.loggingIn;
      failure.textContent = '';
      try {
        await api.login(username.value.trim(), password.value);
        const me = await api.me();
        form.removeEventListener('submit', onSubmit);
        password.value = '';
        view.hidden = true;
        resolve(me);
      } catch (error) {
        failure.textContent = loginErrorText(error);
        password.select();
        password.focus();
      } finally {
        submit.disabled = false;
        submit.textContent = strings.login;
      }
    }
    form.addEventListener('submit', onSubmit);
  });
}
