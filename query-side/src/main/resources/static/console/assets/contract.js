// One contract: figures (live), verification seal, history timeline, time travel, export, disputes.
import {t, value, money, instant, date, number, eventName, phrase} from './i18n.js';
import {get, follow, download} from './api.js';
import {h, table, figures, section, badge, fill, failure} from './dom.js';
import {disputeTimeline} from './disputes.js';

export function contractScreen(main, id, session) {
    const base = '/api/contracts/' + encodeURIComponent(id);
    const heading = h('h1', {}, t('contract') + ' ' + id);
    const summary = h('div', {id: 'figures'});
    main.append(heading, summary);
    const showSummary = view => {
        heading.replaceChildren(view.title + ' ', badge(value(view.status), view.status.toLowerCase()));
        summary.replaceChildren(summaryFigures(view));
    };
    const load = quiet => fill(summary, async () => {
        const view = await get(base);
        showSummary(view);
        return summary.firstChild;
    }, quiet);
    load();
    const live = h('p', {class: 'muted', id: 'live', role: 'status'});
    main.append(live);
    // a resync (changes the stream could not replay) reads the contract again
    const stop = follow('/api/stream/contracts/' + encodeURIComponent(id), 'contracts', live,
        view => view ? showSummary(view) : load(true));

    if (session.audit) {
        main.append(seal(id));
    }
    if (session.history) {
        main.append(history(base));
    }
    if (session.audit) {
        main.append(timeTravel(base), exports(id));
    }
    const disputes = h('div', {id: 'contract-disputes'});
    main.append(section(t('disputes'), disputes));
    fill(disputes, async () => {
        const timelines = await get(base + '/disputes');
        return timelines.length ? timelines.map(disputeTimeline) : h('p', {}, t('noDisputes'));
    });
    return stop;
}

function summaryFigures(view) {
    const next = view.nextMilestone;
    return figures([
        [t('supplierId'), h('a', {href: '#/suppliers/' + encodeURIComponent(view.supplierId)}, view.supplierId)],
        [t('type'), value(view.type)],
        [t('version'), view.version, 'version'],
        [t('ordered'), money(view.ordered), 'ordered'],
        [t('delivered'), money(view.delivered), 'delivered'],
        [t('accepted'), money(view.accepted), 'accepted'],
        [t('paid'), money(view.paid), 'paid'],
        [t('penalties'), money(view.totalPenalties), 'penalties'],
        [t('openDisputes'), view.openDisputes, 'openDisputes'],
        [t('breaches'), view.breaches, 'breaches'],
        [t('nextMilestone'), next ? value(next.kind) + ' ' + next.milestoneId + ' · ' + date(next.dueOn) : t('none')],
    ]);
}

function seal(id) {
    const result = h('div', {id: 'seal'});
    const verify = () => fill(result, async () => {
        const verification = await get('/api/audit/contracts/' + encodeURIComponent(id) + '/verify');
        const ok = verification.verified;
        return h('div', {class: 'seal ' + (ok ? 'verified' : 'broken'), 'data-verified': String(ok)},
            h('span', {class: 'seal-mark', 'aria-hidden': 'true'}, ok ? '✔' : '✖'),
            h('p', {}, ok ? t('sealVerified', {events: verification.events})
                : t('sealBroken', {sequence: verification.firstBrokenSequence})),
            h('p', {class: 'muted hash'}, t('headHash') + ': ' + (verification.headHash || '—')));
    });
    verify();
    return section(t('seal'), result, h('button', {type: 'button', onclick: verify}, t('verifyAgain')));
}

function history(base) {
    const timeline = h('div', {id: 'history'});
    fill(timeline, async () => {
        const entries = [];
        let after = null;
        do {
            const page = await get(base + '/history' + (after == null ? '' : '?after=' + after));
            entries.push(...page.entries);
            after = page.nextAfter;
        } while (after != null && entries.length < 5000);
        return h('ol', {class: 'timeline'}, entries.map(historyEntry));
    });
    return section(t('history'), timeline);
}

function historyEntry(entry) {
    return h('li', {'data-sequence': entry.sequence, 'data-type': entry.type},
        h('div', {class: 'entry-head'}, h('strong', {}, '#' + entry.sequence + ' ' + eventName(entry.type)),
            h('time', {datetime: entry.occurredAt}, instant(entry.occurredAt))),
        h('p', {class: 'phrase'}, phrase(entry)),
        h('dl', {class: 'meta'},
            h('dt', {}, t('actor')), h('dd', {}, entry.actor || '—'),
            entry.reason ? [h('dt', {}, t('reason')), h('dd', {}, entry.reason)] : null,
            h('dt', {}, t('correlationId')), h('dd', {class: 'mono'}, entry.correlationId || '—')),
        entry.changes.length ? table(null, [t('field'), t('before'), t('after')],
            entry.changes.map(change => difference(change.path, change.before, change.after)), {class: 'changes'})
            : null);
}

function timeTravel(base) {
    const result = h('div', {id: 'time-travel-result'});
    const versions = h('select', {id: 'travel-version', name: 'version'});
    const moment = h('input', {id: 'travel-instant', name: 'asOf', type: 'datetime-local', step: '1'});
    get(base).then(view => {
        for (let version = 0; version <= view.version; version++) {
            versions.append(h('option', {value: version}, version));
        }
    }).catch(error => result.replaceChildren(failure(error)));
    const travel = query => fill(result, async () => {
        const [then, now] = await Promise.all([get(base + '/state?' + query), get(base + '/state')]);
        return [
            h('p', {}, t('asOf', {version: then.version, time: instant(then.asOfEventTimestamp)})),
            figures([
                [t('status'), value(then.status), 'status'],
                [t('ordered'), lines(then.terms.lineItems)],
                [t('delivered'), money(then.deliveredValue)],
                [t('paid'), money(then.paidTotal)],
                [t('penalties'), money(then.penalties)],
            ], {id: 'state-then'}),
            h('h3', {}, t('changedSince')),
            changes(then, now),
        ];
    });
    const byVersion = h('form', {class: 'filters', onsubmit: event => {
        event.preventDefault();
        travel('version=' + versions.value);
    }}, h('label', {for: 'travel-version'}, t('atVersion')), versions,
        h('button', {type: 'submit', id: 'travel-to-version'}, t('show')));
    const byInstant = h('form', {class: 'filters', onsubmit: event => {
        event.preventDefault();
        if (moment.value) travel('asOf=' + encodeURIComponent(new Date(moment.value).toISOString()));
    }}, h('label', {for: 'travel-instant'}, t('atInstant')), moment,
        h('button', {type: 'submit'}, t('show')));
    return section(t('timeTravel'), h('p', {class: 'muted'}, t('travelIntro')), byVersion, byInstant, result);
}

function lines(items) {
    return items.map(item => item.sku + ': ' + number(item.quantity) + ' × ' + number(item.unitPrice, 6)).join('; ');
}

function changes(then, now) {
    const before = flatten(then);
    const after = flatten(now);
    // an empty list or object that has since gained entries shows as those entries, not as a change of its own
    const filled = (text, other) => ['[]', '{}'].includes(text) && other === undefined;
    const rows = [...new Set([...Object.keys(before), ...Object.keys(after)])]
        .filter(path => !['version', 'asOfEventTimestamp'].includes(path) && before[path] !== after[path]
            && !filled(before[path], after[path]) && !filled(after[path], before[path]))
        .map(path => difference(path, before[path], after[path]));
    return rows.length ? table(null, [t('field'), t('then'), t('now')], rows, {id: 'changed-since', class: 'changes'})
        : h('p', {id: 'changed-since'}, t('nothingChanged'));
}

function flatten(value, path = '', into = {}) {
    if (value !== null && typeof value === 'object') {
        const entries = Object.entries(value);
        if (!entries.length) into[path] = Array.isArray(value) ? '[]' : '{}';
        entries.forEach(([key, child]) =>
            flatten(child, Array.isArray(value) ? `${path}[${key}]` : path ? `${path}.${key}` : key, into));
    } else {
        into[path] = value == null ? null : String(value);
    }
    return into;
}

function difference(path, before, after) {
    return [h('span', {class: 'mono'}, path), h('del', {}, show(before)), h('ins', {}, show(after))];
}

function show(text) {
    return text == null ? '—' : String(text);
}

function exports(id) {
    const link = (format, label) => {
        const href = '/api/audit/export?contractId=' + encodeURIComponent(id) + '&format=' + format;
        return h('a', {class: 'button', id: 'export-' + format, download: true, href, onclick: download(href)}, label);
    };
    return section(t('export'), h('p', {class: 'muted'}, t('exportIntro')),
        h('p', {}, link('ndjson', t('downloadNdjson')), ' ', link('csv', t('downloadCsv'))));
}
