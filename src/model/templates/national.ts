/**
 * What the two national formats share: the 2019 trial format (国办公开办函〔2019〕60号, the 2019 and 2020 reports) and
 * the 2021 format (国办公开办函〔2021〕30号, from the 2021 reports on). Both have the same six parts, the same table 四
 * and a table 三 that differs only in the rows of （六）其他处理; their tables 二 differ (t2019.ts, t2021.ts).
 */
import type { BodyCellDefinition, PartDefinition, RowDefinition, StatisticsRule, TableDefinition } from './types.js';

export const count = (id: string, label: string, colSpan?: number): BodyCellDefinition => ({ kind: 'value', id, valueKind: 'count', label, unit: '件', ...(colSpan ? { colSpan } : {}) });
export const label = (text: string, options: { colSpan?: number; rowSpan?: number } = {}): BodyCellDefinition => ({ kind: 'label', text, ...options });

/** The six parts of both national formats. */
export const NATIONAL_PARTS: readonly PartDefinition[] = [
  { key: 'overview', title: '总体情况', required: true },
  { key: 'proactiveDisclosure', title: '主动公开政府信息情况', required: true },
  { key: 'applications', title: '收到和处理政府信息公开申请情况', required: true },
  { key: 'reviewsAndLitigation', title: '政府信息公开行政复议、行政诉讼情况', required: true },
  { key: 'problemsAndImprovements', title: '存在的主要问题及改进情况', required: true },
  { key: 'otherMatters', title: '其他需要报告的事项', required: true },
];

// ---------------------------------------------------------------- 二、主动公开政府信息情况: the pieces of its rows

/** The row of column headings under a clause (信息内容 | …), spanning as given. */
export const subheader = (id: string, columns: readonly string[], colSpans: readonly number[] = []): RowDefinition => ({
  id,
  level: 3,
  cells: columns.map((text, i) => ({ kind: 'label', text, ...(colSpans[i] ? { colSpan: colSpans[i] } : {}) })),
});

/** A row of a clause: its label, then one count per column (id, heading) of the clause. */
export const countRow = (id: string, text: string, parent: string, columns: ReadonlyArray<readonly [string, string]>): RowDefinition => ({
  id,
  level: 4,
  parent,
  cells: [label(text), ...columns.map(([col, heading]) => count(`${id}.${col}`, `${text} · ${heading}`))],
});

/** Table 二 with the given rows: a label column and three value columns, no header (each clause has its headings). */
export const proactiveTable = (rows: readonly RowDefinition[]): TableDefinition => ({
  id: 'proactive',
  name: '主动公开政府信息情况',
  placement: { kind: 'part', part: 'proactiveDisclosure' },
  titled: false,
  columns: ['label', 'value', 'value', 'value'],
  header: [],
  numbered: false,
  minSize: 9,
  rows,
});

/** A clause of 《条例》 第二十条 as a heading row across the table's four columns. */
export const clause = (id: string, text: string): RowDefinition => ({ id, level: 2, heading: true, cells: [label(text, { colSpan: 4 })] });

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

/** An outcome row group of 三、本年度办理结果: its id, its label, and its items (id, label), or none. */
export type Outcome = readonly [string, string, ReadonlyArray<readonly [string, string]>];

/** Outcome rows （一）…（五）, the same in both formats; （六）其他处理 differs. */
export const OUTCOMES_ONE_TO_FIVE: readonly Outcome[] = [
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
];

/** Ids of every outcome row (the groups' items, or the group itself when it has none), whose sum is （七）总计. */
export const outcomeRowIds = (outcomes: readonly Outcome[]): string[] => outcomes.flatMap(([id, , items]) => (items.length === 0 ? [id] : items.map(([item]) => `${id}.${item}`)));

function applicationRows(outcomes: readonly Outcome[]): RowDefinition[] {
  const rows: RowDefinition[] = [
    { id: 'applications.new', level: 1, cells: [label('一、本年新收政府信息公开申请数量', { colSpan: 3 }), ...applicantValues('applications.new', '本年新收政府信息公开申请数量')] },
    { id: 'applications.carriedOver', level: 1, cells: [label('二、上年结转政府信息公开申请数量', { colSpan: 3 }), ...applicantValues('applications.carriedOver', '上年结转政府信息公开申请数量')] },
  ];
  const resultRows = outcomeRowIds(outcomes).length + 1;
  let first = true;
  const resultLabel = () => {
    if (!first) return [];
    first = false;
    return [label('三、本年度办理结果', { rowSpan: resultRows })];
  };
  for (const [id, text, items] of outcomes) {
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

/** Table 三 with the given outcome rows. */
export function applicationsTable(outcomes: readonly Outcome[]): TableDefinition {
  return {
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
    rows: applicationRows(outcomes),
  };
}

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

/** Table 四, the same in both formats. */
export const REVIEWS: TableDefinition = {
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

/** The rules of tables 三 and 四 (the 勾稽 of table 三, each row's and group's 总计, carried-over against last year). */
export function nationalRules(applications: TableDefinition, outcomes: readonly Outcome[]): StatisticsRule[] {
  const out: StatisticsRule[] = [];
  const outcomeRows = outcomeRowIds(outcomes);
  for (const [col] of APPLICANT_COLUMNS) {
    out.push({ kind: 'balance', left: [`applications.new.${col}`, `applications.carriedOver.${col}`], right: [`applications.total.${col}`, `applications.carriedForward.${col}`] });
    out.push({ kind: 'sum', total: `applications.total.${col}`, parts: outcomeRows.map((row) => `${row}.${col}`) });
  }
  for (const { id: row } of applications.rows) {
    out.push({ kind: 'sum', total: `${row}.total`, parts: APPLICANT_COLUMNS.filter(([c]) => c !== 'total').map(([c]) => `${row}.${c}`) });
  }
  for (const [group] of REVIEW_GROUPS) {
    out.push({ kind: 'sum', total: `${group}.total`, parts: OUTCOME_COLUMNS.filter(([c]) => c !== 'total').map(([c]) => `${group}.${c}`) });
  }
  for (const [col] of APPLICANT_COLUMNS) {
    out.push({ kind: 'previous', value: `applications.carriedOver.${col}`, previous: `applications.carriedForward.${col}`, plus: [], minus: [] });
  }
  return out;
}
