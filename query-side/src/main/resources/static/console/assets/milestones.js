// Milestones overdue and upcoming, by due date; reloaded live from the milestones stream.
import {t, value, money, date} from './i18n.js';
import {get, follow} from './api.js';
import {h, table, section, fill} from './dom.js';

export function milestonesScreen(main) {
    const overdue = h('div', {id: 'overdue'});
    const upcoming = h('div', {id: 'upcoming'});
    const live = h('p', {class: 'muted', id: 'live', role: 'status'});
    main.append(h('h1', {}, t('milestones')), live, section(t('overdue'), overdue), section(t('upcoming'), upcoming));
    const load = () => {
        fill(overdue, () => list('OVERDUE'), true);
        fill(upcoming, () => list('UPCOMING'), true);
    };
    load();
    return follow('/api/stream/milestones', 'milestones', live, load);
}

async function list(status) {
    const answer = await get('/api/milestones?size=200&status=' + status);
    const items = answer.items; // by due date
    const headings = [t('dueOn'), t('milestone'), t('kind'), t('contract'), t('supplierId'), t('amount')];
    return items.length ? table(null, headings,
        items.map(milestone => [date(milestone.dueOn), milestone.milestoneId, value(milestone.kind),
            h('a', {href: '#/contracts/' + encodeURIComponent(milestone.contractId)}, milestone.contractId),
            h('a', {href: '#/suppliers/' + encodeURIComponent(milestone.supplierId)}, milestone.supplierId),
            milestone.amount == null ? '—' : money({amount: milestone.amount, currency: milestone.currency})]))
        : h('p', {}, t('noMilestones'));
}
