// Suppliers, and one supplier: profile, scorecard with its charts, evaluations, communications, rectifications, credit.
import {t, value, instant, date, percent, number, eventName, phrase} from './i18n.js';
import {get} from './api.js';
import {h, table, figures, section, badge, fill} from './dom.js';
import {chart} from './charts.js';

export function suppliersScreen(main) {
    const list = h('div', {id: 'suppliers'});
    main.append(h('h1', {}, t('suppliers')), list);
    fill(list, async () => {
        const answer = await get('/api/suppliers?size=200');
        return answer.items.length ? table(null, [t('supplier'), t('region'), t('tier'), t('status'), t('credit')],
            answer.items.map(supplier => [
                h('a', {href: '#/suppliers/' + encodeURIComponent(supplier.id)},
                    supplier.id + ' · ' + supplier.legalName),
                supplier.region, value(supplier.tier), value(supplier.status),
                supplier.credit ? supplier.credit.rating : '—'])) : h('p', {}, t('noSuppliers'));
    });
}

export function supplierScreen(main, id, session) {
    const base = '/api/suppliers/' + encodeURIComponent(id);
    const heading = h('h1', {}, t('supplier') + ' ' + id);
    const profile = h('div', {id: 'profile'});
    const scorecard = h('div', {id: 'scorecard'});
    const risk = h('div', {id: 'risk'});
    main.append(heading, section(t('risk'), risk), section(t('scorecard'), scorecard), section(t('profile'), profile));
    fill(risk, async () => riskOf(await get(base + '/risk')));
    fill(profile, async () => {
        const supplier = await get(base);
        heading.replaceChildren(supplier.legalName + ' ', badge(value(supplier.status), supplier.status.toLowerCase()));
        return profileOf(supplier);
    });
    fill(scorecard, async () => scorecardOf(await get(base + '/scorecard'), await deliveriesOf(base)));
    if (session.audit) {
        const record = h('div', {id: 'supplier-record'});
        main.append(record);
        fill(record, async () => recordOf(await get(base + '/events')));
    }
}

/**
 * The risk score and level, and each factor with its contribution, its reason (in the reader's language from its phrase
 * and facts) and the events it rests on.
 */
function riskOf(risk) {
    const evidence = factor => factor.evidence.map(event => {
        const label = event.aggregateId + ' #' + event.sequence + ' ' + eventName(event.type);
        return event.type.startsWith('Supplier') || event.type.startsWith('Rectification')
            ? h('span', {class: 'evidence'}, label)
            : h('a', {class: 'evidence', href: '#/contracts/' + encodeURIComponent(event.aggregateId)}, label);
    });
    return [
        figures([[t('riskScore'), [number(risk.score) + ' / 100 ', badge(t('riskLevel.' + risk.level), risk.level.toLowerCase())],
            'risk-score'], [t('formulaVersion'), risk.formulaVersion], [t('asOfTime'), instant(risk.asOf)]]),
        table(null, [t('factor'), t('contribution'), t('reason'), t('evidence')], risk.factors.map(factor => [
            t('riskFactor.' + factor.name), number(Number(factor.contribution)) + ' / ' + factor.weight,
            phrase(factor, factor.explanation), evidence(factor)]), {id: 'risk-factors'}),
    ];
}

/** Every credit assessment, evaluation and communication, from the stored events (auditors and compliance). */
function recordOf(events) {
    const payloads = type => events.filter(event => event.type === type).map(event => event.payload);
    const none = rows => rows.length ? null : h('p', {}, t('none'));
    const credit = payloads('SupplierCreditAssessedEvent');
    const evaluations = payloads('SupplierPerformanceEvaluatedEvent');
    const communications = payloads('SupplierCommunicationLoggedEvent');
    return [
        section(t('creditHistory'), none(credit) || table(null, [t('assessedOn'), t('rating'), t('score'),
            t('financialHealth'), t('source')], credit.map(assessment => [date(assessment.assessedOn),
            assessment.rating, number(assessment.score), value(assessment.financialHealth), value(assessment.source)]),
            {id: 'credit-history'})),
        section(t('evaluations'), none(evaluations) || table(null, [t('period'), t('grade'), t('score'),
            t('onTimeRate'), t('qualityRate'), t('remarks')], evaluations.map(evaluation => [
            date(evaluation.periodStart) + ' – ' + date(evaluation.periodEnd), evaluation.grade,
            number(evaluation.score), percent(evaluation.onTimeDeliveryRate), percent(evaluation.qualityPassRate),
            evaluation.remarks || '—']), {id: 'evaluation-history'})),
        section(t('communications'), none(communications) || table(null, [t('time'), t('channel'),
            t('participants'), t('summary')], communications.map(communication => [instant(communication.occurredAt),
            value(communication.channel), (communication.participants || []).join(', '), communication.summary]),
            {id: 'communication-history'})),
    ];
}

function profileOf(supplier) {
    const credit = supplier.credit;
    const evaluation = supplier.latestEvaluation;
    return [
        figures([
            [t('legalName'), supplier.legalName],
            [t('registrationNumber'), supplier.registrationNumber],
            [t('legalRepresentative'), supplier.legalRepresentative],
            [t('region'), supplier.region],
            [t('categories'), supplier.categories.join(', ')],
            [t('scale'), value(supplier.scale)],
            [t('tier'), value(supplier.tier)],
            [t('certifications'), supplier.certifications
                .map(c => c.name + ' (' + c.issuer + ', ' + date(c.validUntil) + ')').join('; ') || t('none')],
            [t('contacts'), supplier.contacts
                .map(c => c.name + ' · ' + c.role + ' · ' + c.email).join('; ') || t('none')],
        ]),
        h('h3', {}, t('credit')),
        credit ? figures([
            [t('rating'), credit.rating, 'rating'], [t('score'), number(credit.score)],
            [t('assessedOn'), date(credit.assessedOn)],
            [t('stricterTerms'), credit.stricterTermsRequired ? t('yes') : t('no')],
        ]) : h('p', {}, t('none')),
        h('h3', {}, t('evaluations')),
        figures([
            [t('evaluations'), number(supplier.evaluations)],
            ...(evaluation ? [
                [t('period'), date(evaluation.periodStart) + ' – ' + date(evaluation.periodEnd)],
                [t('grade'), evaluation.grade + ' (' + t('score') + ' ' + number(evaluation.score) + ')'],
                [t('onTimeRate'), percent(evaluation.onTimeDeliveryRate)],
                [t('qualityRate'), percent(evaluation.qualityPassRate)],
                [t('averageResponse'), number(evaluation.averageResponseHours)],
                [t('remarks'), evaluation.remarks || '—'],
            ] : [[t('latestEvaluation'), t('none')]]),
        ], {id: 'evaluation'}),
        h('h3', {}, t('communications')),
        figures([
            [t('communications'), supplier.communications],
            [t('lastCommunication'), instant(supplier.lastCommunicationAt)],
        ]),
        h('h3', {}, t('rectifications')),
        supplier.rectifications.length ? table(null, [t('rectification'), t('issue'), t('dueOn'), t('outcome'),
            t('remarks')], supplier.rectifications.map(rectification => [rectification.rectificationId,
            rectification.issue, date(rectification.dueOn), value(rectification.outcome), rectification.remarks || '—']))
            : h('p', {}, t('none')),
    ];
}

/** Every delivery of the supplier, page after page, by date delivered. */
async function deliveriesOf(base) {
    const deliveries = [];
    let after = null;
    do {
        const page = await get(base + '/deliveries?size=500' + (after === null ? '' : '&after=' + after));
        deliveries.push(...page.deliveries);
        after = page.nextAfter;
    } while (after !== null);
    return deliveries.sort((a, b) => a.deliveredOn.localeCompare(b.deliveredOn) || a.position - b.position);
}

/** Days late as bars and the quality rate as a line, per delivery over the date delivered. */
function deliveryChart(deliveries) {
    if (!deliveries.length) return h('p', {id: 'no-deliveries'}, t('noDeliveries'));
    const point = (delivery, y) => ({value: [delivery.deliveredOn, y], delivery});
    return chart(t('deliveryRecord'), {
        legend: {top: 24},
        grid: {top: 64},
        tooltip: {trigger: 'item', formatter: item => {
            const d = item.data.delivery;
            return [t('delivery') + ' ' + d.contractId + ' / ' + d.deliveryId, t('dueOn') + ': ' + date(d.dueOn),
                t('deliveredOn') + ': ' + date(d.deliveredOn), t('onTime') + ': ' + (d.onTime ? t('yes') : t('no')),
                t('daysLate') + ': ' + number(d.daysLate), t('qualityRate') + ': ' + percent(d.qualityRate)]
                .map(line => h('div', {}, line).outerHTML).join('');
        }},
        xAxis: {type: 'time', name: t('deliveredOn'), nameLocation: 'middle', nameGap: 28,
            minInterval: 24 * 3600 * 1000},
        yAxis: [{type: 'value', name: t('qualityRate'), min: 0, max: 1, axisLabel: {formatter: rate => percent(rate)}},
            {type: 'value', name: t('daysLate'), minInterval: 1, splitLine: {show: false}}],
        series: [
            {name: t('daysLate'), type: 'bar', yAxisIndex: 1, barMaxWidth: 16, itemStyle: {color: '#a83232'},
                data: deliveries.map(d => ({...point(d, d.daysLate),
                    itemStyle: {color: d.onTime ? '#2e7d32' : '#a83232'}}))},
            {name: t('qualityRate'), type: 'line', yAxisIndex: 0, itemStyle: {color: '#1f5fa8'},
                data: deliveries.map(d => point(d, d.qualityRate))},
        ],
    }, 'deliveries-chart');
}

function scorecardOf(card, deliveries) {
    const breaches = Object.entries(card.breachesByType || {});
    return [
        figures([
            [t('onTimeRate'), percent(card.onTimeDeliveryRate), 'onTime'],
            [t('qualityRate'), percent(card.qualityPassRate), 'quality'],
            [t('deliveries'), number(card.deliveries)],
            [t('lateDeliveries'), number(card.lateDeliveries)],
            [t('breaches'), number(card.breaches)],
            [t('openDisputes'), number(card.disputesOpen)],
            [t('grade'), card.grade || '—'],
        ]),
        h('div', {class: 'charts'},
            chart(t('onTimeRate') + ', ' + t('qualityRate'), {
                tooltip: {valueFormatter: rate => percent(rate)},
                xAxis: {type: 'category', data: [t('onTimeRate'), t('qualityRate')]},
                yAxis: {type: 'value', min: 0, max: 1, axisLabel: {formatter: rate => percent(rate)}},
                series: [{type: 'bar', data: [card.onTimeDeliveryRate ?? 0, card.qualityPassRate ?? 0],
                    itemStyle: {color: '#1f5fa8'},
                    label: {show: true, position: 'top', formatter: bar => percent(bar.value)}}],
            }, 'scorecard-chart'),
            breaches.length ? chart(t('breachesByType'), {
                tooltip: {},
                xAxis: {type: 'category', data: breaches.map(([type]) => value(type))},
                yAxis: {type: 'value', minInterval: 1},
                series: [{type: 'bar', data: breaches.map(([, count]) => count), itemStyle: {color: '#a83232'}}],
            }) : null),
        deliveryChart(deliveries),
    ];
}
