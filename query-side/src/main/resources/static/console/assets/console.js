// The console's shell: who is signed in, the screens their role may see, and the route (#/screen/id?query).
import {t, translatePage} from './i18n.js';
import {get, post} from './api.js';
import {token} from './token.js';
import {signOutOfProvider} from './provider.js';
import {h, failure} from './dom.js';
import {contractsScreen} from './contracts.js';
import {contractScreen} from './contract.js';
import {disputesScreen} from './disputes.js';
import {suppliersScreen, supplierScreen} from './suppliers.js';
import {milestonesScreen} from './milestones.js';
import {spendScreen} from './spend.js';
import {projectionsScreen} from './projections.js';
import {webhooksScreen} from './webhooks.js';

const SCREENS = [
    {path: 'contracts', label: 'contracts', list: contractsScreen, one: contractScreen},
    {path: 'disputes', label: 'disputes', list: disputesScreen},
    {path: 'suppliers', label: 'suppliers', list: suppliersScreen, one: supplierScreen},
    {path: 'milestones', label: 'milestones', list: milestonesScreen},
    {path: 'spend', label: 'spend', list: spendScreen},
    {path: 'projections', label: 'projections', list: projectionsScreen, may: session => session.administration},
    {path: 'webhooks', label: 'webhooks', list: webhooksScreen, may: session => session.administration},
];

let session;
let leave = () => {};

async function start() {
    translatePage();
    session = await get('/console/session');
    document.getElementById('user').textContent = session.user + ' (' + session.roles.join(', ') + ')';
    document.getElementById('logout').addEventListener('click', async () => {
        if (token()) {
            await signOutOfProvider();
            return;
        }
        await post('/console/logout').catch(() => null);
        location.assign('/console/login');
    });
    document.getElementById('nav').replaceChildren(h('ul', {},
        SCREENS.filter(screen => !screen.may || screen.may(session))
            .map(screen => h('li', {},
                h('a', {href: '#/' + screen.path, 'data-screen': screen.path}, t(screen.label))))));
    addEventListener('hashchange', () => {
        route();
        // a keyboard user goes on from the new screen, not from the link that led there
        document.getElementById('main').focus({preventScroll: true});
    });
    route();
}

function route() {
    leave();
    leave = () => {};
    const [path, query] = (location.hash.substring(2) || 'contracts').split('?');
    const [name, id] = path.split('/').map(decodeURIComponent);
    const screen = SCREENS.find(candidate => candidate.path === name) || SCREENS[0];
    document.querySelectorAll('#nav a').forEach(link =>
        link.setAttribute('aria-current', link.dataset.screen === screen.path ? 'page' : 'false'));
    const main = document.getElementById('main');
    main.replaceChildren();
    const params = new URLSearchParams(query || '');
    try {
        if (screen.may && !screen.may(session)) {
            main.append(failure(t('forbidden')));
            return;
        }
        const stop = id && screen.one ? screen.one(main, id, session, params) : screen.list(main, session, params);
        if (typeof stop === 'function') {
            leave = stop;
        }
    } catch (error) {
        main.append(failure(error));
    }
    document.title = t(screen.label) + ' · ' + t('brand');
}

start().catch(error => document.getElementById('main').replaceChildren(failure(error)));
