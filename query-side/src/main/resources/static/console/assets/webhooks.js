// Webhooks (ADMIN): each endpoint with its state, enabled or disabled by a button, and its latest deliveries with
// every attempt; a failed or dead-lettered delivery sent again by a button. Endpoints are registered through the API.
import {t, value, instant, number} from './i18n.js';
import {get, post} from './api.js';
import {h, table, badge, fill, failure} from './dom.js';

export function webhooksScreen(main) {
    const list = h('div', {id: 'webhooks'});
    const message = h('p', {id: 'webhook-message', role: 'status'});
    main.append(h('h1', {}, t('webhooks')), message, list);
    const act = async (path, done) => {
        try {
            await post(path);
            message.textContent = done;
            load();
        } catch (error) {
            message.replaceChildren(failure(error));
        }
    };
    const load = () => fill(list, async () => {
        const endpoints = await get('/api/webhooks');
        if (!endpoints.length) {
            return h('p', {}, t('noWebhooks'));
        }
        const deliveries = await Promise.all(endpoints.map(endpoint =>
            get('/api/webhooks/' + encodeURIComponent(endpoint.webhookId) + '/deliveries?size=20')));
        return endpoints.map((endpoint, i) => endpointOf(endpoint, deliveries[i], act));
    }, true);
    load();
}

function endpointOf(endpoint, deliveries, act) {
    const base = '/api/webhooks/' + encodeURIComponent(endpoint.webhookId);
    const state = endpoint.enabled ? badge(t('enabled'), 'active') : badge(t('disabled'), 'suspended');
    const toggle = endpoint.enabled
        ? h('button', {type: 'button', onclick: () => act(base + '/disable', t('webhookDisabled'))}, t('disable'))
        : h('button', {type: 'button', onclick: () => act(base + '/enable', t('webhookEnabled'))}, t('enable'));
    return h('div', {class: 'webhook', 'data-webhook': endpoint.webhookId, 'data-enabled': String(endpoint.enabled)},
        h('h2', {}, endpoint.url, ' ', state),
        h('p', {}, (endpoint.description || '') + ' · ' + t('eventTypes') + ': ' + endpoint.eventTypes.join(', ')
            + (endpoint.disabledReason ? ' · ' + endpoint.disabledReason : '')
            + (endpoint.failingSince ? ' · ' + t('failingSince') + ' ' + instant(endpoint.failingSince) : '')),
        toggle,
        deliveries.length ? table(null, [t('type'), t('subject'), t('sequence'), t('status'), t('attempts'),
            t('lastAttempt'), ''], deliveries.map(delivery => {
            const last = delivery.attempts[delivery.attempts.length - 1];
            const retry = delivery.status === 'FAILED' || delivery.status === 'DEAD'
                ? h('button', {type: 'button', onclick: () => act(base + '/deliveries/'
                        + encodeURIComponent(delivery.deliveryId) + '/retry', t('deliveryQueued'))}, t('sendAgain'))
                : '';
            return h('tr', {'data-delivery': delivery.deliveryId, 'data-status': delivery.status},
                [delivery.type, delivery.aggregateId, number(delivery.sequence), value(delivery.status),
                    number(delivery.attempts.length),
                    last ? instant(last.at) + ' · ' + (last.statusCode ?? last.error ?? '') : '—', retry]
                    .map(cell => h('td', {}, cell)));
        }), {class: 'deliveries'}) : h('p', {}, t('noDeliveries')));
}
