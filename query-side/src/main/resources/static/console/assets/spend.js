// Spend by month, supplier or category, one chart and one table per currency (amounts of different currencies are
// never added up).
import {t, money} from './i18n.js';
import {get} from './api.js';
import {h, table, section, fill} from './dom.js';
import {chart} from './charts.js';

const GROUPS = {month: 'month', supplier: 'supplierId', category: 'category_'};

export function spendScreen(main, session, params) {
    const groupBy = GROUPS[params.get('groupBy')] ? params.get('groupBy') : 'month';
    const report = h('div', {id: 'spend'});
    const choose = h('select', {id: 'spend-group', onchange: () => location.hash = '#/spend?groupBy=' + choose.value},
        Object.entries(GROUPS).map(([group, label]) =>
            h('option', {value: group, selected: group === groupBy}, t(label))));
    main.append(h('h1', {}, t('spend')),
        h('div', {class: 'filters'}, h('label', {for: 'spend-group'}, t('groupBy')), choose), report);
    fill(report, async () => {
        const answer = await get('/api/analytics/spend?groupBy=' + groupBy);
        const currencies = [...new Set(answer.rows.map(row => row.currency))].sort();
        if (!currencies.length) {
            return h('p', {}, t('noSpend'));
        }
        return currencies.map(currency => {
            const rows = answer.rows.filter(row => row.currency === currency);
            const series = ['ordered', 'delivered', 'paid'].map((figure, index) => ({
                name: t(figure), type: 'bar', data: rows.map(row => Number(row[figure].amount)),
                itemStyle: {color: ['#1f5fa8', '#2e7d32', '#8a5a00'][index]},
            }));
            return section(t('currency') + ' ' + currency,
                chart(t('spend') + ' ' + currency, {
                    tooltip: {trigger: 'axis', valueFormatter: amount => money({amount, currency})},
                    legend: {top: 24},
                    grid: {top: 64, containLabel: true, left: 8, right: 8},
                    xAxis: {type: 'category', data: rows.map(row => row.key)},
                    yAxis: {type: 'value'},
                    series,
                }, 'spend-chart-' + currency),
                table(null, [t(GROUPS[groupBy]), t('ordered'), t('delivered'), t('paid')],
                    rows.map(row => [row.key, money(row.ordered), money(row.delivered), money(row.paid)]),
                    {id: 'spend-table-' + currency}));
        });
    });
}
