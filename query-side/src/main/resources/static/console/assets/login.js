// Signing in: by form with the ledger's users, or through the identity provider (and back from it) in provider mode.
import {t, translatePage} from './i18n.js';
import {csrfHeaders} from './api.js';
import {consoleConfig, signInWithProvider, completeSignIn} from './provider.js';

translatePage();

const form = document.getElementById('login');
const message = document.getElementById('message');

function say(sentence) {
    message.textContent = sentence;
    message.hidden = false;
}

async function signInByForm() {
    message.hidden = true;
    const response = await fetch('/console/login', {
        method: 'POST',
        headers: csrfHeaders({'Content-Type': 'application/x-www-form-urlencoded'}),
        body: new URLSearchParams(new FormData(form)),
    });
    if (response.ok) {
        location.assign('/console/');
        return;
    }
    say(response.status === 401 ? t('wrongPassword')
        : response.status === 429 ? t('throttled', {seconds: response.headers.get('Retry-After')})
            : t('signInFailed', {detail: (await response.json().catch(() => ({}))).detail || response.status}));
    form.password.select();
}

/** In provider mode the password fields give way to the provider's button; back from it, the code is exchanged. */
async function throughProvider(config) {
    form.querySelectorAll('.password').forEach(element => element.hidden = true);
    const button = document.getElementById('provider');
    button.hidden = false;
    button.addEventListener('click', () => signInWithProvider(config));
    const params = new URLSearchParams(location.search);
    history.replaceState(null, '', location.pathname);
    if (params.has('error')) {
        say(t('signInFailed', {detail: params.get('error_description') || params.get('error')}));
    } else if (params.has('code')) {
        button.disabled = true;
        try {
            await completeSignIn(config, params);
            location.assign('/console/');
        } catch (error) {
            button.disabled = false;
            say(t('signInFailed', {detail: error.message}));
        }
    }
}

let mode = {mode: 'form'};
form.addEventListener('submit', event => {
    event.preventDefault();
    if (mode.mode === 'provider') {
        signInWithProvider(mode);
    } else {
        signInByForm();
    }
});

consoleConfig().then(config => {
    mode = config;
    if (config.note) {
        const note = document.getElementById('note');
        note.textContent = t('providerKeysOnly');
        note.hidden = false;
    }
    return config.mode === 'provider' ? throughProvider(config) : null;
}).catch(error => say(t('signInFailed', {detail: error.message})));
