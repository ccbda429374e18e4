// Signing in through the identity provider: the authorization code flow with PKCE (S256), as a public client.
import {keepToken, forgetToken} from './token.js';

const PENDING = 'ledger.signIn';
const REDIRECT = location.origin + '/console/login';

/** The console's sign-in settings: {mode: 'form'} or {mode: 'provider', authorizationEndpoint, ...}. */
export async function consoleConfig() {
    const response = await fetch('/console/config', {headers: {Accept: 'application/json'}});
    if (!response.ok) {
        const problem = await response.json().catch(() => ({}));
        throw new Error(problem.detail || String(response.status));
    }
    return response.json();
}

function withQuery(endpoint, query) {
    return endpoint + (endpoint.includes('?') ? '&' : '?') + query;
}

function randomText(bytes) {
    return base64url(crypto.getRandomValues(new Uint8Array(bytes)));
}

function base64url(bytes) {
    return btoa(String.fromCharCode(...new Uint8Array(bytes)))
        .replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Off to the provider, holding the verifier and the state for this tab until it sends the user back. */
export async function signInWithProvider(config) {
    const verifier = randomText(32);
    const state = randomText(16);
    const challenge = base64url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
    sessionStorage.setItem(PENDING, JSON.stringify({verifier, state}));
    const query = new URLSearchParams({
        response_type: 'code', client_id: config.clientId, redirect_uri: REDIRECT, scope: config.scope,
        state, code_challenge: challenge, code_challenge_method: 'S256',
    });
    location.assign(withQuery(config.authorizationEndpoint, query));
}

/**
 * Back from the provider with `code` and `state`: the code exchanged for an access token with the verifier. Throws
 * when the state is not the one this tab sent (a forged or replayed answer) or the provider refuses.
 */
export async function completeSignIn(config, params) {
    const pending = JSON.parse(sessionStorage.getItem(PENDING) || 'null');
    sessionStorage.removeItem(PENDING);
    if (!pending || params.get('state') !== pending.state) {
        throw new Error('the answer is not for a sign-in this page started (state)');
    }
    const response = await fetch(config.tokenEndpoint, {
        method: 'POST',
        headers: {'Content-Type': 'application/x-www-form-urlencoded'},
        body: new URLSearchParams({
            grant_type: 'authorization_code', code: params.get('code'), redirect_uri: REDIRECT,
            client_id: config.clientId, code_verifier: pending.verifier,
        }),
    });
    const answer = await response.json().catch(() => ({}));
    if (!response.ok || !answer.access_token) {
        throw new Error(answer.error_description || answer.error || String(response.status));
    }
    keepToken(answer.access_token);
}

/** The token forgotten, and the provider's session ended too when it has an end-session endpoint. */
export async function signOutOfProvider() {
    forgetToken();
    const config = await consoleConfig().catch(() => ({}));
    if (!config.endSessionEndpoint) {
        location.assign('/console/login');
        return;
    }
    const query = new URLSearchParams({client_id: config.clientId, post_logout_redirect_uri: REDIRECT});
    location.assign(withQuery(config.endSessionEndpoint, query));
}
