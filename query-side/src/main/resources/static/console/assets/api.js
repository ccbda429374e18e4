// The read API called with the console's session; a refusal becomes a sentence for the user.
import {t, instant} from './i18n.js';

export class Refusal extends Error {
    constructor(status, sentence) {
        super(sentence);
        this.status = status;
    }
}

/** The CSRF token the server left in its cookie, sent back in the header it expects. */
export function csrfHeaders(headers = {}) {
    const cookie = document.cookie.split('; ').find(c => c.startsWith('XSRF-TOKEN='));
    return cookie ? {...headers, 'X-XSRF-TOKEN': decodeURIComponent(cookie.substring(11))} : headers;
}

async function answer(response) {
    if (response.ok) {
        return response.status === 204 ? null : response.json();
    }
    if (response.status === 401) {
        location.assign('/console/login');
        throw new Refusal(401, t('sessionEnded'));
    }
    const problem = await response.json().catch(() => ({}));
    const detail = problem.detail || problem.title || String(response.status);
    const sentence = response.status === 403 ? t('forbidden')
        : response.status === 404 ? t('notFound')
            : response.status === 400 ? t('badRequest', {detail})
                : response.status === 409 ? t('conflict', {detail}) : t('failed', {detail});
    throw new Refusal(response.status, sentence);
}

export async function get(path) {
    return answer(await fetch(path, {headers: {Accept: 'application/json'}}));
}

export async function post(path) {
    return answer(await fetch(path, {method: 'POST', headers: csrfHeaders({Accept: 'application/json'})}));
}

/** Follows a stream, saying "Live" in `status` while it is open; returns a function that closes it. */
export function follow(path, name, status, onView) {
    const source = new EventSource(path);
    source.onopen = () => status.textContent = t('live');
    source.addEventListener(name, event => {
        onView(JSON.parse(event.data));
        status.textContent = t('live') + ' · ' + t('updated') + ' ' + instant(new Date().toISOString());
    });
    source.addEventListener('resync', () => onView(null));
    source.onerror = () => {
        // EventSource reconnects by itself after a dropped connection; a refused one (e.g. the session ended) is closed
        status.textContent = source.readyState === EventSource.CLOSED ? t('liveOff') : '';
    };
    return () => source.close();
}
