/**
 * The 2021 template: the national format of 国办公开办函〔2021〕30号, used for the reports of 2021 onwards. Six parts,
 * with three statistics tables set inside parts 二, 三 and 四; labels are the official form's, with their numbering.
 */
import type { BodyCellDefinition, RowDefinition, StatisticsRule, TableDefinition, Template } from './types.js';

const count = (id: string, label: string, colSpan?: number): BodyCellDefinition => ({ kind: 'value', id, valueKind: 'count', label, unit: '件', ...(colSpan ? { colSpan } : {}) });
const label = (text: string, options: { colSpan?: number; rowSpan?: number } = {}): BodyCellDefinition => ({ kind: 'label', text, ...options });

// ---------------------------------------------------------------- 二、主动公开政府信息情况

const subheader = (id: string, columns: readonly string[], colSpans: readonly number[] = []): RowDefinition => ({
  id,
  level: 3,
  cells: columns.map((text, i) => ({ kind: 'label', text, ...(colSpans[i] ? { colSpan: colSpans[i] } : {}) })),
});

const clause = (id: string, text: string): RowDefinition => ({ id, level: 2, heading: true, cells: [label(text, { colSpan: 4 })] });

const DOCUMENT_COLUMNS = [
  ['issued', '本年制发件数'],
  ['repealed', '本年废止件数'],
  ['inForce', '现行有效件数'],
] as const;

const documentRow = (id: string, text: string, parent: string): RowDefinition => ({
  id,
  level: 4,
  parent,
  cells: [label(text), ...DOCUMENT_COLUMNS.map(([col, colLabel]) => count(`${id}.${col}`, `${text} · ${colLabel}`))],
});

const decisionRow = (id: string, text: string, parent: string): RowDefinition => ({
  id,
  level: 4,
  parent,
  cells: [label(text), count(`${id}.decisions`, `${text} · 本年处理决定数量`, 3)],
});

const PROACTIVE: TableDefinition = {
  id: 'proactive',
  name: '主动公开政府信息情况',
  placement: { kind: 'part', part: 'proactiveDisclosure' },
  titled: false,
  columns: ['label', 'value', 'value', 'value'],
  header: [],
  numbered: false,
  minSize: 9,
  rows: [
    clause('proactive.clause1', '第二十条第（一）项'),
    subheader('proactive.clause1.header', ['信息内容', '本年制发件数', '本年废止件数', '现行有效件数']),
    documentRow('proactive.rules', '规章', 'proactive.clause1'),
    documentRow('proactive.normativeDocuments', '行政规范性文件', 'proactive.clause1'),
    clause('proactive.clause5', '第二十条第（五）项'),
    subheader('proactive.clause5.header', ['信息内容', '本年处理决定数量'], [1, 3]),
    decisionRow('proactive.licensing', '行政许可', 'proactive.clause5'),
    clause('proactive.clause6', '第二十条第（六）项'),
    subheader('proactive.clause6.header', ['信息内容', '本年处理决定数量'], [1, 3]),
    decisionRow('proactive.penalties', '行政处罚', 'proactive.clause6'),
    decisionRow('proactive.coercion', '行政强制', 'proactive.clause6'),
    clause('proactive.clause8', '第二十条第（八）项'),
    subheader('proactive.clause8.header', ['信息内容', '本年收费金额（单位：万元）'], [1, 3]),
    {
      id: 'proactive.fees',
      level: 4,
      parent: 'proactive.clause8',
      cells: [label('行政事业性收费'), { kind: 'value', id: 'proactive.fees.amount', valueKind: 'amount', label: '行政事业性收费 · 本年收费金额', unit: '万元', colSpan: 3 }],
    },
  ],
};

// ---------------------------------------------------------------- 三、收到和处理政府信息公开申请情况

/** The seven columns of 申请人情况. */
export const APPLICANT_COLUMNS = [
  ['natural', '自然人'],
  ['business', '商业企业'],
  ['research', '科研机构'],
  ['publicInterest', '社会公益组织'],
  ['legalServices', '法律服务机构'],
  ['otherOrganizations', '其他'],
  ['total', '总计'],
] as const;

const applicantValues = (id: string, rowLabel: string): BodyCellDefinition[] =>
  APPLICANT_COLUMNS.map(([col, colLabel]) => count(`${id}.${col}`, `${rowLabel} · ${colLabel}`));

/** Outcome rows of 三、本年度办理结果: group id, group label, and its items (id, label) or none. */
const OUTCOMES: ReadonlyArray<readonly [string, string, ReadonlyArray<readonly [string, string]>]> = [
  ['applications.granted', '（一）予以公开', []],
  ['applications.partiallyGranted', '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', []],
  [
    'applications.refused',
    '（三）不予公开',
    [
      ['stateSecret', '1.属于国家秘密'],
      ['prohibitedByLaw', '2.其他法律行政法规禁止公开'],
      ['threeSecurities', '3.危及“三安全一稳定”'],
      ['thirdParty', '4.保护第三方合法权益'],
      ['internalAffairs', '5.属于三类内部事务信息'],
      ['processInformation', '6.属于四类过程性信息'],
      ['enforcementFiles', '7.属于行政执法案卷'],
      ['queryMatters', '8.属于行政查询事项'],
    ],
  ],
  [
    'applications.unavailable',
    '（四）无法提供',
    [
      ['notHeld', '1.本机关不掌握相关政府信息'],
      ['needsCreation', '2.没有现成信息需要另行制作'],
      ['unclear', '3.补正后申请内容仍不明确'],
    ],
  ],
  [
    'applications.notProcessed',
    '（五）不予处理',
    [
      ['petitions', '1.信访举报投诉类申请'],
      ['repeated', '2.重复申请'],
      ['publications', '3.要求提供公开出版物'],
      ['massRepeated', '4.无正当理由大量反复申请'],
      ['confirmation', '5.要求行政机关确认或重新出具已获取信息'],
    ],
  ],
  [
    'applications.otherHandling',
    '（六）其他处理',
    [
      ['noCorrection', '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请'],
      ['unpaidFees', '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请'],
      ['other', '3.其他'],
    ],
  ],
];

/** Ids of every outcome row (（一）…（六） and their items), whose sum is （七）总计. */
export const OUTCOME_ROW_IDS: readonly string[] = OUTCOMES.flatMap(([id, , items]) => (items.length === 0 ? [id] : items.map(([item]) => `${id}.${item}`)));

function applicationRows(): RowDefinition[] {
  const rows: RowDefinition[] = [
    { id: 'applications.new', level: 1, cells: [label('一、本年新收政府信息公开申请数量', { colSpan: 3 }), ...applicantValues('applications.new', '本年新收政府信息公开申请数量')] },
    { id: 'applications.carriedOver', level: 1, cells: [label('二、上年结转政府信息公开申请数量', { colSpan: 3 }), ...applicantValues('applications.carriedOver', '上年结转政府信息公开申请数量')] },
  ];
  const resultRows = OUTCOME_ROW_IDS.length + 1;
  let first = true;
  const resultLabel = () => {
    if (!first) return [];
    first = false;
    return [label('三、本年度办理结果', { rowSpan: resultRows })];
  };
  for (const [id, text, items] of OUTCOMES) {
    const plain = text.replace(/^（[一二三四五六七]）/, '');
    if (items.length === 0) {
      rows.push({ id, level: 2, parent: 'applications.results', cells: [...resultLabel(), label(text, { colSpan: 2 }), ...applicantValues(id, plain)] });
      continue;
    }
    items.forEach(([item, itemText], k) => {
      const rowId = `${id}.${item}`;
      const group = k === 0 ? [label(text, { rowSpan: items.length })] : [];
      rows.push({ id: rowId, level: 3, parent: id, cells: [...resultLabel(), ...group, label(itemText), ...applicantValues(rowId, `${plain} · ${itemText.replace(/^\d+\./, '')}`)] });
    });
  }
  rows.push({ id: 'applications.total', level: 2, parent: 'applications.results', cells: [label('（七）总计', { colSpan: 2 }), ...applicantValues('applications.total', '总计')] });
  rows.push({ id: 'applications.carriedForward', level: 1, cells: [label('四、结转下年度继续办理', { colSpan: 3 }), ...applicantValues('applications.carriedForward', '结转下年度继续办理')] });
  return rows;
}

const APPLICATIONS: TableDefinition = {
  id: 'applications',
  name: '收到和处理政府信息公开申请情况',
  placement: { kind: 'part', part: 'applications' },
  titled: false,
  columns: ['label', 'label', 'label', 'value', 'value', 'value', 'value', 'value', 'value', 'value'],
  header: [
    [{ text: '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', colSpan: 3, rowSpan: 3 }, { text: '申请人情况', colSpan: 7 }],
    [{ text: '自然人', rowSpan: 2 }, { text: '法人或其他组织', colSpan: 5 }, { text: '总计', rowSpan: 2 }],
    [{ text: '商业企业' }, { text: '科研机构' }, { text: '社会公益组织' }, { text: '法律服务机构' }, { text: '其他' }],
  ],
  numbered: false,
  minSize: 9,
  rows: applicationRows(),
};

// ---------------------------------------------------------------- 四、政府信息公开行政复议、行政诉讼情况

/** The five columns of each group of table 四. */
export const OUTCOME_COLUMNS = [
  ['upheld', '结果维持'],
  ['corrected', '结果纠正'],
  ['other', '其他结果'],
  ['pending', '尚未审结'],
  ['total', '总计'],
] as const;

const REVIEW_GROUPS = [
  ['reviews', '行政复议'],
  ['litigation.direct', '行政诉讼 · 未经复议直接起诉'],
  ['litigation.afterReview', '行政诉讼 · 复议后起诉'],
] as const;

const REVIEWS: TableDefinition = {
  id: 'reviews',
  name: '政府信息公开行政复议、行政诉讼情况',
  placement: { kind: 'part', part: 'reviewsAndLitigation' },
  titled: false,
  columns: Array.from({ length: 15 }, () => 'value' as const),
  header: [
    [{ text: '行政复议', colSpan: 5 }, { text: '行政诉讼', colSpan: 10 }],
    [...OUTCOME_COLUMNS.map(([, text]) => ({ text, rowSpan: 2 })), { text: '未经复议直接起诉', colSpan: 5 }, { text: '复议后起诉', colSpan: 5 }],
    [...OUTCOME_COLUMNS.map(([, text]) => ({ text })), ...OUTCOME_COLUMNS.map(([, text]) => ({ text }))],
  ],
  numbered: false,
  minSize: 9,
  rows: [
    {
      id: 'reviews.row',
      level: 1,
      cells: REVIEW_GROUPS.flatMap(([group, groupLabel]) => OUTCOME_COLUMNS.map(([col, colLabel]) => count(`${group}.${col}`, `${groupLabel} · ${colLabel}`))),
    },
  ],
};

// ---------------------------------------------------------------- rules

function rules(): StatisticsRule[] {
  const out: StatisticsRule[] = [];
  for (const [col] of APPLICANT_COLUMNS) {
    out.push({ kind: 'balance', left: [`applications.new.${col}`, `applications.carriedOver.${col}`], right: [`applications.total.${col}`, `applications.carriedForward.${col}`] });
    out.push({ kind: 'sum', total: `applications.total.${col}`, parts: OUTCOME_ROW_IDS.map((row) => `${row}.${col}`) });
  }
  const rows = APPLICATIONS.rows.map((r) => r.id);
  for (const row of rows) {
    out.push({ kind: 'sum', total: `${row}.total`, parts: APPLICANT_COLUMNS.filter(([c]) => c !== 'total').map(([c]) => `${row}.${c}`) });
  }
  for (const [group] of REVIEW_GROUPS) {
    out.push({ kind: 'sum', total: `${group}.total`, parts: OUTCOME_COLUMNS.filter(([c]) => c !== 'total').map(([c]) => `${group}.${c}`) });
  }
  for (const [col] of APPLICANT_COLUMNS) {
    out.push({ kind: 'previous', value: `applications.carriedOver.${col}`, previous: `applications.carriedForward.${col}`, plus: [], minus: [] });
  }
  for (const doc of ['proactive.rules', 'proactive.normativeDocuments']) {
    out.push({ kind: 'previous', value: `${doc}.inForce`, previous: `${doc}.inForce`, plus: [`${doc}.issued`], minus: [`${doc}.repealed`] });
  }
  return out;
}

export const TEMPLATE_2021: Template = {
  id: '2021',
  name: '全国统一格式（2021年起，三个统计表）',
  basis: '国办公开办函〔2021〕30号',
  parts: [
    { key: 'overview', title: '总体情况', required: true },
    { key: 'proactiveDisclosure', title: '主动公开政府信息情况', required: true },
    { key: 'applications', title: '收到和处理政府信息公开申请情况', required: true },
    { key: 'reviewsAndLitigation', title: '政府信息公开行政复议、行政诉讼情况', required: true },
    { key: 'problemsAndImprovements', title: '存在的主要问题及改进情况', required: true },
    { key: 'otherMatters', title: '其他需要报告的事项', required: true },
  ],
  tables: [PROACTIVE, APPLICATIONS, REVIEWS],
  statisticsRequired: true,
  rules: rules(),
  emptyPartText: '本年度无此项情况。',
};
