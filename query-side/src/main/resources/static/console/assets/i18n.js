// The console's words in English and Simplified Chinese, and numbers, money and dates formatted for the language.

const WORDS = {
    en: {
        brand: 'Contract Ledger', skipToContent: 'Skip to content', signIn: 'Sign in', signOut: 'Sign out',
        signInIntro: "Sign in to the auditor's console.", userName: 'User name', password: 'Password',
        otherLanguage: '中文', otherLanguageName: 'Switch to Chinese',
        wrongPassword: 'The user name or the password is wrong.',
        throttled: 'Too many failed sign-ins. Try again in {seconds} seconds.',
        signInFailed: 'Signing in did not work: {detail}',
        signInWithProvider: 'Sign in with your organisation',
        providerKeysOnly: 'Signing in through your organisation is not set up here (the ledger knows the identity '
            + "provider's keys but not its issuer): only users configured in the ledger can sign in.",
        contracts: 'Contracts', contract: 'Contract', disputes: 'Disputes', suppliers: 'Suppliers',
        supplier: 'Supplier', milestones: 'Milestones', spend: 'Spend', projections: 'Projections',
        loading: 'Loading…', live: 'Live', liveOff: 'Live updates stopped; reload to resume.',
        filter: 'Filter', all: 'All', status: 'Status', supplierId: 'Supplier', title: 'Title', type: 'Type',
        version: 'Version', ordered: 'Ordered', delivered: 'Delivered', accepted: 'Accepted', paid: 'Paid',
        penalties: 'Penalties', openDisputes: 'Open disputes', breaches: 'Breaches', nextMilestone: 'Next milestone',
        none: 'none', previous: 'Previous', next: 'Next', pageOf: 'Page {page} of {pages} ({total} in all)',
        noContracts: 'No contracts match.', updated: 'Updated',
        figures: 'Figures', history: 'History', timeTravel: 'Time travel', seal: 'Verification seal',
        export: 'Export', sequence: 'Sequence', actor: 'Actor', time: 'Time', reason: 'Reason',
        correlationId: 'Correlation id', field: 'Field', before: 'Before', after: 'After',
        sealVerified: 'Verified: {events} events, the hash chain is intact.',
        sealBroken: 'Broken: the stored events no longer match their hash chain from sequence {sequence} on.',
        headHash: 'Head hash', verifyAgain: 'Verify again',
        travelIntro: 'See the contract as it stood after a version or at an instant.',
        atVersion: 'After version', atInstant: 'At instant', show: 'Show',
        asOf: 'As it stood after version {version} ({time})', changedSince: 'What changed since',
        nothingChanged: 'Nothing has changed since.', now: 'Now', then: 'Then',
        downloadNdjson: 'Download NDJSON', downloadCsv: 'Download CSV',
        exportIntro: 'Every stored event of this contract, exactly as stored.',
        dispute: 'Dispute', category: 'Category', track: 'Track', stage: 'Stage', daysOpen: 'Days open',
        claim: 'Claim', settlement: 'Settlement', opened: 'Opened', resolved: 'Resolved', timeline: 'Timeline',
        noDisputes: 'No disputes.', evidence: 'Evidence',
        profile: 'Profile', scorecard: 'Scorecard', region: 'Region', tier: 'Tier', scale: 'Scale',
        categories: 'Categories', legalName: 'Legal name', registrationNumber: 'Registration number',
        legalRepresentative: 'Legal representative', onTimeRate: 'On-time delivery', qualityRate: 'Quality pass rate',
        deliveries: 'Deliveries', lateDeliveries: 'Late deliveries', grade: 'Grade', evaluations: 'Evaluations',
        latestEvaluation: 'Latest evaluation', communications: 'Communications', lastCommunication: 'Last communication',
        rectifications: 'Rectifications', credit: 'Credit', rating: 'Rating', score: 'Score',
        assessedOn: 'Assessed on', stricterTerms: 'Stricter terms required', certifications: 'Certifications',
        contacts: 'Contacts', breachesByType: 'Breaches by type', noSuppliers: 'No suppliers.', yes: 'yes', no: 'no',
        rate: 'Rate', period: 'Period', averageResponse: 'Average response (hours)', remarks: 'Remarks',
        rectification: 'Rectification', issue: 'Issue', outcome: 'Outcome', creditHistory: 'Credit history',
        financialHealth: 'Financial health', source: 'Source', channel: 'Channel', participants: 'Participants',
        summary: 'Summary', deliveryRecord: 'Deliveries over time', daysLate: 'Days late', onTime: 'On time',
        deliveredOn: 'Delivered on', delivery: 'Delivery', noDeliveries: 'No deliveries yet.',
        overdue: 'Overdue', upcoming: 'Upcoming', dueOn: 'Due on', kind: 'Kind', amount: 'Amount',
        milestone: 'Milestone', noMilestones: 'No milestones.', nextReminder: 'Next reminder',
        lastReminder: 'Last reminder', reminders: 'Reminders raised', noReminders: 'No reminders raised yet.',
        daysAhead: '{on} ({days} days ahead)', raisedAt: 'Raised', remindedOf: 'Of', event: 'Event', date: 'Date',
        groupBy: 'Group by', month: 'Month', category_: 'Category', currency: 'Currency', key: 'Group',
        noSpend: 'Nothing ordered yet.',
        projection: 'Projection', running: 'Running', position: 'Position', head: 'Head', lag: 'Lag',
        replay: 'Replay', replaying: 'Replaying', progress: 'Progress', generation: 'Generation',
        deadLetters: 'Dead letters', replayStarted: 'Replay of {name} started.',
        replayDone: 'Replay of {name} finished.', replayAll: 'Replay every projection',
        replayAllStarted: 'Replay of every projection started.', replayAllDone: 'Replay of every projection finished.',
        forbidden: 'Your role may not see this.', notFound: 'There is no such record.',
        sessionEnded: 'Your session has ended. Sign in again.',
        failed: 'The ledger could not answer: {detail}', badRequest: 'The request was refused: {detail}',
        conflict: 'Not done: {detail}',
        riskScore: 'Risk score', formulaVersion: 'Formula version', asOfTime: 'As of', factor: 'Factor',
        contribution: 'Contribution', risk: 'Risk', 'riskLevel.LOW': 'Low', 'riskLevel.MEDIUM': 'Medium',
        'riskLevel.HIGH': 'High', 'riskLevel.CRITICAL': 'Critical',
        'riskFactor.onTimeDelivery': 'On-time delivery', 'riskFactor.onTimeTrend': 'On-time trend',
        'riskFactor.qualityRejection': 'Rejected quantity', 'riskFactor.qualityTrend': 'Rejection trend',
        'riskFactor.breaches': 'Breaches (180 days)', 'riskFactor.disputes': 'Open disputes',
        'riskFactor.credit': 'Credit rating', 'riskFactor.rectifications': 'Failed or overdue rectifications',
        'riskFactor.evaluation': 'Latest evaluation', 'riskFactor.certifications': 'Certifications',
        'riskFactor.dependence': 'Dependence (share of spend)',
        subject: 'About', webhooks: 'Webhooks', noWebhooks: 'No webhooks are registered (ADMIN registers them with POST /api/webhooks).',
        enabled: 'Enabled', disabled: 'Disabled', enable: 'Enable', disable: 'Disable', eventTypes: 'Event types',
        failingSince: 'failing since', attempts: 'Attempts', lastAttempt: 'Last attempt', sendAgain: 'Send again',
        webhookEnabled: 'The webhook is enabled; what was queued is sent in order.',
        webhookDisabled: 'The webhook is disabled; events are queued for it.',
        deliveryQueued: 'The delivery is queued to be sent again.',
    },
    zh: {
        brand: '合同账本', skipToContent: '跳到正文', signIn: '登录', signOut: '退出',
        signInIntro: '登录审计控制台。', userName: '用户名', password: '密码',
        otherLanguage: 'English', otherLanguageName: '切换到英文',
        wrongPassword: '用户名或密码错误。',
        throttled: '登录失败次数过多，请在 {seconds} 秒后重试。',
        signInFailed: '登录未成功：{detail}',
        signInWithProvider: '通过所在组织登录',
        providerKeysOnly: '此处未配置通过所在组织登录（账本只知道身份提供方的密钥，不知道其签发者）：'
            + '只有账本中配置的用户可以登录。',
        contracts: '合同', contract: '合同', disputes: '争议', suppliers: '供应商', supplier: '供应商',
        milestones: '里程碑', spend: '支出', projections: '投影',
        loading: '加载中…', live: '实时', liveOff: '实时更新已停止，请刷新页面。',
        filter: '筛选', all: '全部', status: '状态', supplierId: '供应商', title: '标题', type: '类型',
        version: '版本', ordered: '订购', delivered: '已交付', accepted: '已验收', paid: '已付款',
        penalties: '违约金', openDisputes: '未决争议', breaches: '违约', nextMilestone: '下一个里程碑',
        none: '无', previous: '上一页', next: '下一页', pageOf: '第 {page} 页，共 {pages} 页（共 {total} 条）',
        noContracts: '没有符合条件的合同。', updated: '更新于',
        figures: '数据', history: '历史', timeTravel: '时间回溯', seal: '验证印章',
        export: '导出', sequence: '序号', actor: '操作人', time: '时间', reason: '原因',
        correlationId: '关联编号', field: '字段', before: '变更前', after: '变更后',
        sealVerified: '已验证：共 {events} 个事件，哈希链完整。',
        sealBroken: '已损坏：从序号 {sequence} 起，存储的事件与哈希链不再相符。',
        headHash: '链头哈希', verifyAgain: '重新验证',
        travelIntro: '查看合同在某个版本之后或某一时刻的状态。',
        atVersion: '版本之后', atInstant: '时刻', show: '查看',
        asOf: '版本 {version} 之后的状态（{time}）', changedSince: '此后的变化',
        nothingChanged: '此后没有变化。', now: '现在', then: '当时',
        downloadNdjson: '下载 NDJSON', downloadCsv: '下载 CSV',
        exportIntro: '此合同存储的全部事件，与存储内容完全一致。',
        dispute: '争议', category: '类别', track: '途径', stage: '阶段', daysOpen: '已开启天数',
        claim: '索赔', settlement: '和解金额', opened: '开启', resolved: '解决', timeline: '时间线',
        noDisputes: '没有争议。', evidence: '证据',
        profile: '档案', scorecard: '评分卡', region: '地区', tier: '等级', scale: '规模',
        categories: '品类', legalName: '法定名称', registrationNumber: '注册号',
        legalRepresentative: '法定代表人', onTimeRate: '准时交付率', qualityRate: '质量合格率',
        deliveries: '交付次数', lateDeliveries: '延迟交付', grade: '评级', evaluations: '评估',
        latestEvaluation: '最近评估', communications: '沟通记录', lastCommunication: '最近沟通',
        rectifications: '整改', credit: '信用', rating: '信用等级', score: '分数',
        assessedOn: '评估日期', stricterTerms: '需要更严格的条款', certifications: '认证',
        contacts: '联系人', breachesByType: '按类型统计的违约', noSuppliers: '没有供应商。', yes: '是', no: '否',
        rate: '比率', period: '期间', averageResponse: '平均响应时间（小时）', remarks: '备注',
        rectification: '整改', issue: '问题', outcome: '结果', creditHistory: '信用记录',
        financialHealth: '财务状况', source: '来源', channel: '渠道', participants: '参与人', summary: '摘要',
        deliveryRecord: '历次交付', daysLate: '延迟天数', onTime: '准时', deliveredOn: '交付日期', delivery: '交付',
        noDeliveries: '尚无交付。',
        overdue: '已逾期', upcoming: '即将到期', dueOn: '到期日', kind: '种类', amount: '金额',
        milestone: '里程碑', noMilestones: '没有里程碑。', nextReminder: '下次提醒',
        lastReminder: '上次提醒', reminders: '已发出的提醒', noReminders: '尚未发出提醒。',
        daysAhead: '{on}（提前 {days} 天）', raisedAt: '提醒时间', remindedOf: '事项', event: '事件', date: '日期',
        groupBy: '分组', month: '月份', category_: '品类', currency: '币种', key: '分组',
        noSpend: '尚无订购。',
        projection: '投影', running: '运行中', position: '位置', head: '最新位置', lag: '滞后',
        replay: '重放', replaying: '重放中', progress: '进度', generation: '代',
        deadLetters: '死信', replayStarted: '已开始重放 {name}。', replayDone: '{name} 重放完成。',
        replayAll: '重放全部投影', replayAllStarted: '已开始重放全部投影。', replayAllDone: '全部投影重放完成。',
        forbidden: '您的角色无权查看此内容。', notFound: '没有此记录。',
        sessionEnded: '会话已结束，请重新登录。',
        failed: '账本无法响应：{detail}', badRequest: '请求被拒绝：{detail}',
        conflict: '未执行：{detail}',
        riskScore: '风险分数', formulaVersion: '公式版本', asOfTime: '计算时间', factor: '因素',
        contribution: '贡献', risk: '风险', 'riskLevel.LOW': '低', 'riskLevel.MEDIUM': '中',
        'riskLevel.HIGH': '高', 'riskLevel.CRITICAL': '严重',
        'riskFactor.onTimeDelivery': '准时交付', 'riskFactor.onTimeTrend': '准时交付趋势',
        'riskFactor.qualityRejection': '拒收数量', 'riskFactor.qualityTrend': '拒收趋势',
        'riskFactor.breaches': '违约（180 天内）', 'riskFactor.disputes': '未决争议',
        'riskFactor.credit': '信用等级', 'riskFactor.rectifications': '失败或逾期的整改',
        'riskFactor.evaluation': '最近评估', 'riskFactor.certifications': '认证',
        'riskFactor.dependence': '依赖度（支出占比）',
        subject: '对象', webhooks: 'Webhook', noWebhooks: '尚未注册 Webhook（管理员通过 POST /api/webhooks 注册）。',
        enabled: '已启用', disabled: '已停用', enable: '启用', disable: '停用', eventTypes: '事件类型',
        failingSince: '失败始于', attempts: '尝试次数', lastAttempt: '最近一次尝试', sendAgain: '重新发送',
        webhookEnabled: 'Webhook 已启用，积压的消息将按顺序发送。',
        webhookDisabled: 'Webhook 已停用，事件将继续排队。',
        deliveryQueued: '该投递已重新排队发送。',
    },
};

// The values of the ledger's enumerations in Chinese; in English (and for any not listed) the code as words.
const VALUES = {
    zh: {
        DRAFT: '草稿', ACTIVE: '生效中', SUSPENDED: '已暂停', TERMINATED: '已终止', EXPIRED: '已到期',
        COMPLETED: '已完成', OPEN: '未决', RESOLVED: '已解决', UPCOMING: '即将到期', OVERDUE: '已逾期', MET: '已达成',
        CLOSED: '已关闭', SUCCEEDED: '成功', FAILED: '失败', DEAD: '已放弃', PENDING: '待发送', DELIVERY: '交付', PAYMENT: '付款', GOODS: '货物', SERVICES: '服务', CONSTRUCTION: '工程',
        NEGOTIATION: '协商', MEDIATION: '调解', ARBITRATION: '仲裁', LITIGATION: '诉讼',
        SETTLED: '和解', WITHDRAWN: '撤回', AWARDED: '裁决', DISMISSED: '驳回',
        KEY: '关键', GENERAL: '一般', SMALL: '小型', MEDIUM: '中型', LARGE: '大型',
        OPENED: '开启', ESCALATED: '升级', NOTE: '备注',
        LATE_DELIVERY: '延迟交付', QUALITY_NONCONFORMANCE: '质量不合格', QUANTITY_SHORTFALL: '数量短缺',
        LATE_PAYMENT: '延迟付款', OTHER: '其他', SUPPLIER: '供应商', BUYER: '采购方',
        QUALITY_SUPPLIER_FAULT: '质量问题（供应商责任）', QUALITY_BUYER_FAULT: '质量问题（采购方责任）',
        USE_BEFORE_ACCEPTANCE: '验收前使用', COMPLETION_DATE: '完成日期', PRICING_METHOD: '计价方式',
        QUANTITY: '数量', PRICE_ADJUSTMENT: '价格调整', SCOPE_CHANGE: '范围变更', SCHEDULE_CHANGE: '进度变更',
        FORCE_MAJEURE: '不可抗力', TERMS_CORRECTION: '条款更正',
    },
};

// The history's events in Chinese: their names, and their phrases from the facts each entry names ({fact:format}
// formats a fact as a date, an amount, a number or a code); in English the entry's own summary is shown.
const EVENTS = {
    zh: {
        ContractDrafted: '起草', ContractSigned: '签署', ContractAmended: '变更', ContractDelivered: '交付',
        ContractPaymentRecorded: '付款', ContractMilestoneOverdue: '里程碑逾期', ContractBreached: '违约',
        DisputeOpened: '争议开启', DisputeEscalated: '争议升级', DisputeNoteAdded: '争议备注',
        DisputeResolved: '争议解决', ContractRenewed: '续签', ContractTerminated: '终止', ContractExpired: '到期',
        ContractCompleted: '完成', ContractMilestoneApproaching: '里程碑提醒',
        ContractRenewalNoticeDue: '续签决定提醒', ContractExpiryApproaching: '到期提醒',
        SupplierCertificationExpiring: '资质即将到期', SupplierCertificationExpired: '资质已到期',
    },
};

const PHRASES = {
    zh: {
        // the risk factors' explanations ({byType:counts}: codes with their counts, "LATE_DELIVERY 2, OTHER 1")
        RiskNoDeliveries: '尚无交付',
        RiskLateDeliveries: '最近 {deliveries} 次交付中 {late} 次延迟',
        RiskNoTrend: '交付少于 {deliveries} 次：尚无趋势',
        RiskOnTimeTrend: '最近 {last} 次交付准时率 {now}，此前 {before} 次为 {then}',
        RiskRejection: '最近 {deliveries} 次交付的数量中拒收 {rejected}',
        RiskRejectionTrend: '最近 {last} 次交付拒收率 {now}，此前 {before} 次为 {then}',
        RiskNoBreaches: '近 {days} 天内无供应商责任的违约',
        RiskBreaches: '近 {days} 天内供应商责任的违约 {breaches} 次（{byType:counts}）',
        RiskDisputes: '未决争议 {open} 项，其中仲裁或诉讼中（计两次）{serious} 项',
        RiskNoCredit: '尚无信用评估',
        RiskCredit: '信用评级 {rating}',
        RiskCreditDowngraded: '信用评级 {rating}，由 {previous} 下调',
        RiskRectifications: '整改失败或逾期 {failed} 项',
        RiskNotEvaluated: '尚未评价',
        RiskEvaluation: '最近一次评价等级 {grade}',
        RiskCertifications: '资质证书已过期 {expired} 项，{days} 天内到期 {expiring} 项',
        RiskNoSpend: '无已签署的合同',
        RiskDependence: '占采购方{category}类 {currency} 支出的 {share}',
        ContractDrafted: '起草{type:value}合同“{title}”，供应商 {supplierId}，金额 {value:money}',
        ContractSigned: '{signedOn:date} 由 {signatories} 签署',
        ContractAmended: '第 {amendmentNumber} 次变更（{reason:value}）：{description}；变更字段 {changes} 个',
        ContractDelivered: '交付 {deliveryId}（里程碑 {milestoneId}），{deliveredOn:date}：交付 {delivered:number}，'
            + '验收 {accepted:number}，拒收 {rejected:number}，价值 {value:money}；准时',
        ContractDeliveredLate: '交付 {deliveryId}（里程碑 {milestoneId}），{deliveredOn:date}：交付 {delivered:number}，'
            + '验收 {accepted:number}，拒收 {rejected:number}，价值 {value:money}；延迟 {daysLate} 天',
        ContractPaymentRecorded: '付款 {paymentId}，金额 {amount:money}，{paidOn:date}（累计已付 {totalPaid:money}）',
        ContractMilestoneOverdue: '{kind:value}里程碑 {milestoneId}（到期日 {dueOn:date}）已逾期',
        ContractMilestoneOverdueBackfilled: '{kind:value}里程碑 {milestoneId}（到期日 {dueOn:date}）在合同录入时已逾期',
        ContractBreached: '{type:value}违约 {breachId}，责任方 {responsibleParty:value}：{description}；'
            + '违约金 {penalty:money}',
        DisputeOpened: '争议 {disputeId} 开启（{category:value}），索赔 {claim:money}，建议途径 {track:value}',
        DisputeEscalated: '争议 {disputeId} 由{from:value}升级为{to:value}：{reason}',
        DisputeNoteAdded: '争议 {disputeId} 备注：{text}（证据 {evidence} 项）',
        DisputeResolved: '争议 {disputeId} 于{stage:value}阶段以{outcome:value}解决，和解金额 {settlement:money}',
        ContractRenewed: '第 {renewalNumber} 次续签：到期日 {previousExpiresOn:date} → {newExpiresOn:date}；'
            + '变更字段 {changes} 个',
        ContractTerminated: '自 {effectiveOn:date} 起终止：{reason}',
        ContractExpired: '于 {expiresOn:date} 期满',
        ContractCompleted: '于 {completedOn:date} 完成',
        ContractMilestoneApproaching: '提醒：{kind:value}里程碑 {milestoneId} 将于 {daysBefore} 天后（{dueOn:date}）到期',
        ContractRenewalNoticeDue: '提醒：今天（{decideBy:date}）是续签决定的最后一天，合同于 {expiresOn:date} 到期'
            + '（通知期 {renewalNoticeDays} 天）',
        ContractExpiryApproaching: '提醒：合同将于 {daysBefore} 天后（{expiresOn:date}）到期',
    },
};

const stored = localStorage.getItem('ledger.language');
export const language = stored === 'en' || stored === 'zh' ? stored
    : (navigator.languages || [navigator.language]).some(tag => /^zh\b/i.test(tag || '')) ? 'zh' : 'en';
const locale = language === 'zh' ? 'zh-CN' : 'en';

export function t(key, params = {}) {
    const text = WORDS[language][key] ?? WORDS.en[key] ?? key;
    return text.replace(/\{(\w+)}/g, (all, name) => params[name] ?? all);
}

export function value(code) {
    if (code == null) {
        return '—';
    }
    return (VALUES[language] || {})[code] ?? code.charAt(0) + code.substring(1).toLowerCase().replaceAll('_', ' ');
}

/** An event's type in the reader's language. */
export function eventName(type) {
    return (EVENTS[language] || {})[type] ?? type;
}

/**
 * What a history entry or a risk factor says, in the reader's language when there is a phrase for it, else in
 * English: the entry's summary unless another English sentence is given (a factor's explanation).
 */
export function phrase(entry, english = entry.summary) {
    const sentence = (PHRASES[language] || {})[entry.phrase];
    if (!sentence || !entry.facts) {
        return english;
    }
    const formats = {date, money: amount => money(amountOf(amount)), number: n => number(Number(n)), value,
        counts: text => text.split(', ').map(count => count.replace(/^\w+/, value)).join('、')};
    return sentence.replace(/\{(\w+)(?::(\w+))?}/g, (all, name, format) => {
        const fact = entry.facts[name];
        return fact == null ? t('none') : format ? formats[format](fact) : fact;
    });
}

function amountOf(text) {
    const [amount, currency] = text.split(' ');
    return {amount, currency};
}

export function switchLanguage() {
    localStorage.setItem('ledger.language', language === 'zh' ? 'en' : 'zh');
    location.reload();
}

/** Sets the page's language, fills every data-i18n element and labels the language switch. */
export function translatePage() {
    document.documentElement.lang = locale;
    document.querySelectorAll('[data-i18n]').forEach(element => element.textContent = t(element.dataset.i18n));
    const button = document.getElementById('language');
    if (button) {
        button.textContent = t('otherLanguage');
        button.setAttribute('aria-label', t('otherLanguageName'));
        button.lang = language === 'zh' ? 'en' : 'zh-CN';
        button.addEventListener('click', switchLanguage);
    }
}

export function money(amount) {
    if (!amount) {
        return '—';
    }
    // amounts are decimal strings; a double keeps every amount the ledger allows to the cent for display
    return new Intl.NumberFormat(locale, {style: 'currency', currency: amount.currency})
        .format(Number(amount.amount));
}

export function number(n, digits) {
    return n == null ? '—' : new Intl.NumberFormat(locale, {maximumFractionDigits: digits ?? 2}).format(n);
}

export function percent(rate) {
    return rate == null ? '—'
        : new Intl.NumberFormat(locale, {style: 'percent', maximumFractionDigits: 2}).format(rate);
}

export function instant(iso) {
    return iso ? new Intl.DateTimeFormat(locale, {dateStyle: 'medium', timeStyle: 'medium'}).format(new Date(iso))
        : '—';
}

export function date(iso) {
    // a calendar date, not an instant: formatted in UTC so that no time zone moves it to the day before
    return iso ? new Intl.DateTimeFormat(locale, {dateStyle: 'medium', timeZone: 'UTC'})
        .format(new Date(iso + 'T00:00:00Z')) : '—';
}
