/**
 * The 2021 template: the national format of 国办公开办函〔2021〕30号, used for the reports of 2021 onwards. Six parts,
 * with three statistics tables set inside parts 二, 三 and 四; labels are the official form's, with their numbering.
 * Tables 三 and 四 and the parts are shared with the 2019 trial format (national.ts).
 */
import { applicationsTable, clause, count, countRow, label, NATIONAL_PARTS, nationalRules, OUTCOMES_ONE_TO_FIVE, proactiveTable, REVIEWS, subheader, type Outcome } from './national.js';
import type { RowDefinition, StatisticsRule, Template } from './types.js';

// ---------------------------------------------------------------- 二、主动公开政府信息情况

const DOCUMENT_COLUMNS = [
  ['issued', '本年制发件数'],
  ['repealed', '本年废止件数'],
  ['inForce', '现行有效件数'],
] as const;

const documentRow = (id: string, text: string, parent: string): RowDefinition => countRow(id, text, parent, DOCUMENT_COLUMNS);

const decisionRow = (id: string, text: string, parent: string): RowDefinition => ({
  id,
  level: 4,
  parent,
  cells: [label(text), count(`${id}.decisions`, `${text} · 本年处理决定数量`, 3)],
});

const PROACTIVE = proactiveTable([
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
]);

// ---------------------------------------------------------------- 三、收到和处理政府信息公开申请情况

/** （六）其他处理 has three items in the 2021 format. */
const OUTCOMES: readonly Outcome[] = [
  ...OUTCOMES_ONE_TO_FIVE,
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

const APPLICATIONS = applicationsTable(OUTCOMES);

// ---------------------------------------------------------------- rules

function rules(): StatisticsRule[] {
  const out = nationalRules(APPLICATIONS, OUTCOMES);
  for (const doc of ['proactive.rules', 'proactive.normativeDocuments']) {
    out.push({ kind: 'previous', value: `${doc}.inForce`, previous: `${doc}.inForce`, plus: [`${doc}.issued`], minus: [`${doc}.repealed`] });
  }
  return out;
}

export const TEMPLATE_2021: Template = {
  id: '2021',
  name: '全国统一格式（2021年起，三个统计表）',
  basis: '国办公开办函〔2021〕30号',
  parts: NATIONAL_PARTS,
  tables: [PROACTIVE, APPLICATIONS, REVIEWS],
  statisticsRequired: true,
  rules: rules(),
  emptyPartText: '本年度无此项情况。',
  years: { from: 2021 },
};
