// Milestones overdue and upcoming, by due date, with their reminders; and the reminders the system raised, newest
// first. Reloaded live from the milestones and reminders streams.
import {t, value, money, date, instant, eventName} from './i18n.js';
import {get, follow} from './api.js';
import {h, table, section, fill} from './dom.js';

export function milestonesScreen(main) {
    const overdue = h('div', {id: 'overdue'});
    const upcoming = h('div', {id: 'upcoming'});
    const reminders = h('div', {id: 'reminders'});
    const live = h('p', {class: 'muted', id: 'live', role: 'status'});
    main.append(h('h1', {}, t('milestones')), live, section(t('overdue'), overdue), section(t('upcoming'), upcoming),
        section(t('reminders'), reminders));
    const load = () => {
        fill(overdue, () => list('OVERDUE'), true);
        fill(upcoming, () => list('UPCOMING'), true);
    };
    const loadReminders = () => fill(reminders, raised, true);
    load();
    loadReminders();
    const stops = [follow('/api/stream/milestones', 'milestones', live, load),
        follow('/api/stream/reminders', 'reminders', live, () => {
            loadReminders();
            load();
        })];
    return () => stops.forEach(stop => stop());
}

async function list(status) {
    const answer = await get('/api/milestones?size=200&status=' + status);
    const items = answer.items; // by due date
    // reminders come only ahead of a due date, so only upcoming milestones show them
    const reminders = status === 'UPCOMING';
    const headings = [t('dueOn'), t('milestone'), t('kind'), t('contract'), t('supplierId'), t('amount'),
        ...(reminders ? [t('nextReminder'), t('lastReminder')] : [])];
    return items.length ? table(null, headings,
        items.map(milestone => [date(milestone.dueOn), milestone.milestoneId, value(milestone.kind),
            contractLink(milestone.contractId),
            h('a', {href: '#/suppliers/' + encodeURIComponent(milestone.supplierId)}, milestone.supplierId),
            milestone.amount == null ? '—' : money({amount: milestone.amount, currency: milestone.currency}),
            ...(reminders ? [reminderCell(milestone.nextReminder?.on, milestone.nextReminder),
                reminderCell(milestone.lastReminder && instant(milestone.lastReminder.at), milestone.lastReminder)]
                : [])]))
        : h('p', {}, t('noMilestones'));
}

async function raised() {
    const answer = await get('/api/reminders?size=20');
    return answer.items.length ? table(null, [t('raisedAt'), t('event'), t('remindedOf'), t('subject'), t('date')],
        answer.items.map(reminder => [instant(reminder.remindedAt), eventName(reminder.event),
            reminder.aggregateType === 'Supplier'
                ? h('a', {href: '#/suppliers/' + encodeURIComponent(reminder.aggregateId)}, reminder.aggregateId)
                : contractLink(reminder.aggregateId),
            reminder.subject || '—',
            reminder.daysBefore ? ahead(reminder.date, reminder.daysBefore) : date(reminder.date)]),
        {id: 'reminder-list'})
        : h('p', {}, t('noReminders'));
}

function reminderCell(on, reminder) {
    return reminder ? ahead(on, reminder.daysBefore) : '—';
}

function ahead(on, days) {
    return t('daysAhead', {on: /^\d{4}-\d\d-\d\d$/.test(on) ? date(on) : on, days});
}

function contractLink(contractId) {
    return h('a', {href: '#/contracts/' + encodeURIComponent(contractId)}, contractId);
}
