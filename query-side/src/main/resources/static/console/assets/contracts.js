// Contracts: filter by supplier and status, paging, rows updated live from the contracts stream.
import {t, value, money, date} from './i18n.js';
import {get, follow} from './api.js';
import {h, table, badge, fill} from './dom.js';

const STATUSES = ['DRAFT', 'ACTIVE', 'COMPLETED', 'TERMINATED', 'EXPIRED'];
const SIZE = 20;

export function contractsScreen(main, session, params) {
    const supplierId = params.get('supplierId') || '';
    const status = params.get('status') || '';
    const page = Math.max(0, Number(params.get('page')) || 0);
    const results = h('div', {id: 'contracts'});
    const live = h('p', {class: 'muted', id: 'live', role: 'status'});
    main.append(h('h1', {}, t('contracts')), filterForm(supplierId, status), live, results);

    const query = new URLSearchParams({page, size: SIZE});
    if (supplierId) query.set('supplierId', supplierId);
    if (status) query.set('status', status);
    const load = () => fill(results, async () => {
        const list = await get('/api/contracts?' + query);
        return list.items.length ? [contractTable(list.items), pager(list, supplierId, status)]
            : h('p', {}, t('noContracts'));
    }, true);
    load();

    const stop = follow('/api/stream/contracts', 'contracts', live, view => {
        const row = view && results.querySelector(`tr[data-contract="${CSS.escape(view.id)}"]`);
        if (row) {
            row.replaceWith(contractRow(view));
        } else if (!view || ((!supplierId || view.supplierId === supplierId) && (!status || view.status === status))) {
            load();
        }
    });
    return stop;
}

function filterForm(supplierId, status) {
    const suppliers = h('select', {id: 'filter-supplier', name: 'supplierId'}, h('option', {value: ''}, t('all')));
    get('/api/suppliers?size=200').then(list => list.items.forEach(supplier => suppliers.append(
        h('option', {value: supplier.id, selected: supplier.id === supplierId},
            supplier.id + ' · ' + supplier.legalName))))
        .catch(() => null);
    if (supplierId) suppliers.append(h('option', {value: supplierId, selected: true}, supplierId));
    const statuses = h('select', {id: 'filter-status', name: 'status'}, h('option', {value: ''}, t('all')),
        STATUSES.map(code => h('option', {value: code, selected: code === status}, value(code))));
    return h('form', {class: 'filters', onsubmit: event => {
        event.preventDefault();
        const query = new URLSearchParams();
        if (suppliers.value) query.set('supplierId', suppliers.value);
        if (statuses.value) query.set('status', statuses.value);
        location.hash = '#/contracts?' + query;
    }},
        h('label', {for: 'filter-supplier'}, t('supplierId')), suppliers,
        h('label', {for: 'filter-status'}, t('status')), statuses,
        h('button', {type: 'submit'}, t('filter')));
}

function contractTable(items) {
    return table(null, [t('contract'), t('supplierId'), t('status'), t('ordered'), t('delivered'), t('paid'),
        t('openDisputes'), t('nextMilestone'), t('version')], items.map(contractRow), {id: 'contract-table'});
}

function contractRow(view) {
    const next = view.nextMilestone;
    return h('tr', {'data-contract': view.id, 'data-status': view.status},
        h('td', {}, h('a', {href: '#/contracts/' + encodeURIComponent(view.id)}, view.id), h('br'),
            h('span', {class: 'muted'}, view.title)),
        h('td', {}, h('a', {href: '#/suppliers/' + encodeURIComponent(view.supplierId)}, view.supplierId)),
        h('td', {}, badge(value(view.status), view.status.toLowerCase())),
        h('td', {class: 'number'}, money(view.ordered)),
        h('td', {class: 'number'}, money(view.delivered)),
        h('td', {class: 'number'}, money(view.paid)),
        h('td', {class: 'number'}, view.openDisputes),
        h('td', {}, next ? value(next.kind) + ' ' + next.milestoneId + ' · ' + date(next.dueOn) : t('none')),
        h('td', {class: 'number'}, view.version));
}

function pager(list, supplierId, status) {
    const pages = Math.max(1, Math.ceil(list.total / list.size));
    const link = (page, label, rel) => {
        const query = new URLSearchParams({page});
        if (supplierId) query.set('supplierId', supplierId);
        if (status) query.set('status', status);
        return h('a', {href: '#/contracts?' + query, rel}, label);
    };
    return h('nav', {class: 'pager', 'aria-label': t('pageOf', {page: list.page + 1, pages, total: list.total})},
        list.page > 0 ? link(list.page - 1, t('previous'), 'prev') : null,
        h('span', {}, t('pageOf', {page: list.page + 1, pages, total: list.total})),
        list.page + 1 < pages ? link(list.page + 1, t('next'), 'next') : null);
}
