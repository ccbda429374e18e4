// The provider's access token, kept for this tab only (sessionStorage): not in localStorage, not in a cookie.
const TOKEN = 'ledger.token';

export function token() {
    return sessionStorage.getItem(TOKEN);
}

export function keepToken(value) {
    sessionStorage.setItem(TOKEN, value);
}

export function forgetToken() {
    sessionStorage.removeItem(TOKEN);
}

/** The token was refused (expired, revoked): forgotten, and back to signing in. */
export function signInAgain() {
    forgetToken();
    location.assign('/console/login');
}
