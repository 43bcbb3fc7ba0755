/**
 * The 2019 template: the trial national format of 国办公开办函〔2019〕60号, used for the 2019 and 2020 reports. Its
 * parts and tables 三 and 四 are the 2021 format's (national.ts), except that （六）其他处理 has no items; its table 二
 * counts differently: documents made, published and in force, and for permits, penalties and fees last year's
 * number of items and this year's change, with two more rows (其他对外管理服务事项; 第（九）项 政府集中采购). The form is
 * known from the reports that used it (2019 and 2020 reports of Shanghai, Fujian and Hubei agencies): its notice is
 * not published with the form.
 */
import { applicationsTable, clause, count, countRow, label, NATIONAL_PARTS, nationalRules, OUTCOMES_ONE_TO_FIVE, proactiveTable, REVIEWS, subheader, type Outcome } from './national.js';
import type { BodyCellDefinition, RowDefinition, Template } from './types.js';

// ---------------------------------------------------------------- 二、主动公开政府信息情况

const DOCUMENT_COLUMNS = [
  ['made', '本年新制作数量'],
  ['published', '本年新公开数量'],
  ['total', '对外公开总数量'],
] as const;

const change = (id: string, label: string, colSpan?: number): BodyCellDefinition => ({ kind: 'value', id, valueKind: 'change', label, unit: '项', ...(colSpan ? { colSpan } : {}) });
const items = (id: string, label: string): BodyCellDefinition => ({ kind: 'value', id, valueKind: 'count', label, unit: '项' });

const documentRow = (id: string, text: string, parent: string): RowDefinition => countRow(id, text, parent, DOCUMENT_COLUMNS);

/** 上一年项目数量 | 本年增/减 | 处理决定数量 (permits, other services, penalties, coercion). */
const itemRow = (id: string, text: string, parent: string): RowDefinition => ({
  id,
  level: 4,
  parent,
  cells: [label(text), items(`${id}.previous`, `${text} · 上一年项目数量`), change(`${id}.change`, `${text} · 本年增/减`), count(`${id}.decisions`, `${text} · 处理决定数量`)],
});

const ITEM_COLUMNS = ['信息内容', '上一年项目数量', '本年增/减', '处理决定数量'];

const PROACTIVE = proactiveTable([
  clause('proactive.clause1', '第二十条第（一）项'),
  subheader('proactive.clause1.header', ['信息内容', ...DOCUMENT_COLUMNS.map(([, text]) => text)]),
  documentRow('proactive.rules', '规章', 'proactive.clause1'),
  documentRow('proactive.normativeDocuments', '规范性文件', 'proactive.clause1'),
  clause('proactive.clause5', '第二十条第（五）项'),
  subheader('proactive.clause5.header', ITEM_COLUMNS),
  itemRow('proactive.licensing', '行政许可', 'proactive.clause5'),
  itemRow('proactive.otherServices', '其他对外管理服务事项', 'proactive.clause5'),
  clause('proactive.clause6', '第二十条第（六）项'),
  subheader('proactive.clause6.header', ITEM_COLUMNS),
  itemRow('proactive.penalties', '行政处罚', 'proactive.clause6'),
  itemRow('proactive.coercion', '行政强制', 'proactive.clause6'),
  clause('proactive.clause8', '第二十条第（八）项'),
  subheader('proactive.clause8.header', ['信息内容', '上一年项目数量', '本年增/减'], [1, 1, 2]),
  {
    id: 'proactive.fees',
    level: 4,
    parent: 'proactive.clause8',
    cells: [label('行政事业性收费'), items('proactive.fees.previous', '行政事业性收费 · 上一年项目数量'), change('proactive.fees.change', '行政事业性收费 · 本年增/减', 2)],
  },
  clause('proactive.clause9', '第二十条第（九）项'),
  subheader('proactive.clause9.header', ['信息内容', '采购项目数量', '采购总金额'], [1, 1, 2]),
  {
    id: 'proactive.procurement',
    level: 4,
    parent: 'proactive.clause9',
    cells: [
      label('政府集中采购'),
      items('proactive.procurement.projects', '政府集中采购 · 采购项目数量'),
      // The form names no unit; reports write the amount in 元, in the cell (6805947.43元).
      { kind: 'value', id: 'proactive.procurement.amount', valueKind: 'amount', label: '政府集中采购 · 采购总金额', unit: '元', colSpan: 2, unitInCell: true },
    ],
  },
]);

// ---------------------------------------------------------------- 三、收到和处理政府信息公开申请情况

/** （六）其他处理 is one row in the 2019 format. */
const OUTCOMES: readonly Outcome[] = [...OUTCOMES_ONE_TO_FIVE, ['applications.otherHandling', '（六）其他处理', []]];

const APPLICATIONS = applicationsTable(OUTCOMES);

export const TEMPLATE_2019: Template = {
  id: '2019',
  name: '全国统一格式（2019年试行，2019、2020年度报告）',
  basis: '国办公开办函〔2019〕60号',
  parts: NATIONAL_PARTS,
  tables: [PROACTIVE, APPLICATIONS, REVIEWS],
  statisticsRequired: true,
  rules: [
    ...nationalRules(APPLICATIONS, OUTCOMES),
    // The documents published this year are among those published in all.
    ...['proactive.rules', 'proactive.normativeDocuments'].map((doc) => ({ kind: 'atMost' as const, part: `${doc}.published`, whole: `${doc}.total`, reason: '本年新公开的文件包含在对外公开总数之中' })),
  ],
  emptyPartText: '本年度无此项情况。',
  years: { from: 2019, to: 2020 },
};
