// The read API called with the console's session, or with the provider's token when the console signed in there; a
// refusal becomes a sentence for the user.
import {t, instant} from './i18n.js';
import {token, signInAgain} from './token.js';
import {openStream} from './events.js';

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

/** The provider's token when there is one (no CSRF token needed then), else the session's CSRF token. */
function credentials(headers) {
    const held = token();
    return held ? {...headers, Authorization: 'Bearer ' + held} : csrfHeaders(headers);
}

async function answer(response) {
    if (response.ok) {
        return response.status === 204 ? null : response.json();
    }
    if (response.status === 401) {
        signInAgain();
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
    return answer(await fetch(path, {headers: credentials({Accept: 'application/json'})}));
}

export async function post(path) {
    return answer(await fetch(path, {method: 'POST', headers: credentials({Accept: 'application/json'})}));
}

/**
 * A download link: followed by the browser with the session, or, with the provider's token (which a link cannot
 * send), fetched and handed to the browser as a file.
 */
export function download(path) {
    return async event => {
        if (!token()) {
            return;
        }
        event.preventDefault();
        const response = await fetch(path, {headers: credentials({})});
        if (!response.ok) {
            await answer(response);
        }
        const name = /filename="([^"]+)"/.exec(response.headers.get('Content-Disposition') || '');
        const link = document.createElement('a');
        link.href = URL.createObjectURL(await response.blob());
        link.download = name ? name[1] : '';
        link.click();
        // the browser has taken the file by then; the URL would otherwise hold it for the page's life
        setTimeout(() => URL.revokeObjectURL(link.href), 10000);
    };
}

/** Follows a stream, saying "Live" in `status` while it is open; returns a function that closes it. */
export function follow(path, name, status, onView) {
    const received = data => {
        onView(JSON.parse(data));
        status.textContent = t('live') + ' · ' + t('updated') + ' ' + instant(new Date().toISOString());
    };
    if (token()) {
        return openStream(path, {
            headers: () => credentials({}),
            onOpen: () => status.textContent = t('live'),
            onEvent: (event, data) => event === name ? received(data) : event === 'resync' ? onView(null) : null,
            onDropped: () => status.textContent = '',
            onRefused: refusal => refusal === 401 ? signInAgain() : status.textContent = t('liveOff'),
        });
    }
    const source = new EventSource(path);
    source.onopen = () => status.textContent = t('live');
    source.addEventListener(name, event => received(event.data));
    source.addEventListener('resync', () => onView(null));
    source.onerror = () => {
        // EventSource reconnects by itself after a dropped connection; a refused one (e.g. the session ended) is closed
        status.textContent = source.readyState === EventSource.CLOSED ? t('liveOff') : '';
    };
    return () => source.close();
}
