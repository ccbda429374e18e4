// Disputes by stage, with track and days open; each opens onto its timeline. Updated live from the disputes stream.
import {t, value, money, instant, number} from './i18n.js';
import {get, follow} from './api.js';
import {h, section, badge, fill} from './dom.js';

const STAGES = ['NEGOTIATION', 'MEDIATION', 'ARBITRATION', 'LITIGATION'];

export function disputesScreen(main, session, params) {
    const status = params.has('status') ? params.get('status') : 'OPEN';
    const list = h('div', {id: 'disputes'});
    const live = h('p', {class: 'muted', id: 'live', role: 'status'});
    const choose = h('select', {id: 'filter-dispute-status', onchange: () =>
            location.hash = '#/disputes?status=' + choose.value},
        ['OPEN', 'RESOLVED', ''].map(code => h('option', {value: code, selected: code === status},
            code ? value(code) : t('all'))));
    main.append(h('h1', {}, t('disputes')), h('div', {class: 'filters'},
        h('label', {for: 'filter-dispute-status'}, t('status')), choose), live, list);

    const load = () => {
        const open = [...list.querySelectorAll('details[open]')].map(details => details.dataset.dispute);
        return fill(list, async () => {
            const timelines = [];
            for (let page = 0, total = 1; page * 200 < total; page++) {
                const answer = await get('/api/disputes?size=200&page=' + page + (status ? '&status=' + status : ''));
                timelines.push(...answer.items);
                total = answer.total;
            }
            if (!timelines.length) {
                return h('p', {}, t('noDisputes'));
            }
            return STAGES.filter(stage => timelines.some(timeline => timeline.stage === stage)).map(stage =>
                section(value(stage) + ' (' + timelines.filter(timeline => timeline.stage === stage).length + ')',
                    timelines.filter(timeline => timeline.stage === stage)
                        .map(timeline => disputeTimeline(timeline, open.includes(key(timeline))))));
        }, true);
    };
    load();
    return follow('/api/stream/disputes', 'disputes', live, load);
}

function key(timeline) {
    return timeline.contractId + '/' + timeline.disputeId;
}

/** A dispute as a disclosure: its figures in the summary line, its timeline inside. */
export function disputeTimeline(timeline, open) {
    return h('details', {class: 'dispute', 'data-dispute': key(timeline), 'data-stage': timeline.stage,
            'data-status': timeline.status, open: !!open},
        h('summary', {},
            h('strong', {}, timeline.disputeId), ' · ',
            h('a', {href: '#/contracts/' + encodeURIComponent(timeline.contractId)}, timeline.contractId), ' · ',
            value(timeline.category), ' · ', t('track') + ': ' + value(timeline.track), ' · ',
            t('stage') + ': ', h('span', {class: 'stage'}, value(timeline.stage)), ' ',
            badge(value(timeline.status), timeline.status.toLowerCase()), ' · ',
            t('daysOpen') + ': ' + number(timeline.daysOpen)),
        h('p', {}, t('claim') + ': ' + money(timeline.claim),
            timeline.settlement ? ' · ' + t('settlement') + ': ' + money(timeline.settlement) : '',
            ' · ' + t('opened') + ': ' + instant(timeline.openedAt),
            timeline.resolvedAt ? ' · ' + t('resolved') + ': ' + instant(timeline.resolvedAt) : ''),
        h('ol', {class: 'timeline'}, (timeline.entries || []).map(entry => h('li', {'data-kind': entry.kind},
            h('div', {class: 'entry-head'}, h('strong', {}, value(entry.kind) + ' · ' + value(entry.stage)),
                h('time', {datetime: entry.at}, instant(entry.at))),
            h('p', {}, entry.text), h('p', {class: 'muted'}, t('actor') + ': ' + entry.actor,
                entry.evidenceRefs && entry.evidenceRefs.length
                    ? ' · ' + t('evidence') + ': ' + entry.evidenceRefs.join(', ') : '')))));
}
