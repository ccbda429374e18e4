import {t, translatePage} from './i18n.js';
import {csrfHeaders} from './api.js';

translatePage();

const form = document.getElementById('login');
const message = document.getElementById('message');

form.addEventListener('submit', async event => {
    event.preventDefault();
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
    message.textContent = response.status === 401 ? t('wrongPassword')
        : response.status === 429 ? t('throttled', {seconds: response.headers.get('Retry-After')})
            : t('signInFailed', {detail: (await response.json().catch(() => ({}))).detail || response.status});
    message.hidden = false;
    form.password.select();
});
