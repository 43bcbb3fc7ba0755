/**
 * The statistics table (附表) of the 2014 scheme (国办发〔2014〕32号) as data: one entry per row, in table order.
 * Labels are the seed's wording with full-width punctuation; numbering (一、 （一） 1. 其中：) is generated from `level`.
 * Used by the 2014 and 2008 templates.
 */
import type { RowDefinition, StatisticsRule as Rule, TableDefinition } from './types.js';

/** A row's position in the hierarchy: 1 一、, 2 （一）, 3 1., 4 a 其中 (subset) row. */
export type StatisticsLevel = 1 | 2 | 3 | 4;

/** One row of the statistics table template. */
export interface StatisticsRow {
  /** Stable id, used as the key of `statistics.values` and in `{{id}}` references. */
  readonly id: string;
  /** Chinese label exactly as printed, without its generated number. */
  readonly label: string;
  /** Unit (条, 件, 万元 …); empty for group rows. */
  readonly unit: string;
  readonly level: StatisticsLevel;
  /** Id of the row this one belongs to, if any. */
  readonly parent?: string;
  /** `group` rows carry no value; `amount` rows may be decimal; `count` rows are non-negative integers. */
  readonly kind: 'group' | 'count' | 'amount';
}

type RowSpec = [id: string, level: StatisticsLevel, label: string, unit: string, kind?: StatisticsRow['kind']];

const SPEC: RowSpec[] = [
  ['proactive', 1, '主动公开情况', '', 'group'],
  ['proactive.total', 2, '主动公开政府信息数（不同渠道和方式公开相同信息计1条）', '条'],
  ['proactive.normativeDocuments', 4, '主动公开规范性文件数', '条'],
  ['proactive.normativeDocumentsIssued', 4, '制发规范性文件总数', '件'],
  ['proactive.channels', 2, '通过不同渠道和方式公开政府信息的情况', '', 'group'],
  ['proactive.gazette', 3, '政府公报公开政府信息数', '条'],
  ['proactive.website', 3, '政府网站公开政府信息数', '条'],
  ['proactive.weibo', 3, '政务微博公开政府信息数', '条'],
  ['proactive.wechat', 3, '政务微信公开政府信息数', '条'],
  ['proactive.other', 3, '其他方式公开政府信息数', '条'],
  ['response', 1, '回应解读情况', '', 'group'],
  ['response.hotspots', 2, '回应公众关注热点或重大舆情数', '次'],
  ['response.channels', 2, '通过不同渠道和方式回应解读的情况', '', 'group'],
  ['response.pressConferences', 3, '参加或举办新闻发布会总次数', '次'],
  ['response.pressConferencesByHead', 4, '主要负责同志参加新闻发布会次数', '次'],
  ['response.onlineInterviews', 3, '政府网站在线访谈次数', '次'],
  ['response.onlineInterviewsByHead', 4, '主要负责同志参加政府网站在线访谈次数', '次'],
  ['response.interpretations', 3, '政策解读稿件发布数', '篇'],
  ['response.weiboWechat', 3, '微博微信回应事件数', '次'],
  ['response.other', 3, '其他方式回应事件数', '次'],
  ['applications', 1, '依申请公开情况', '', 'group'],
  ['applications.received', 2, '收到申请数', '件'],
  ['applications.receivedInPerson', 3, '当面申请数', '件'],
  ['applications.receivedByFax', 3, '传真申请数', '件'],
  ['applications.receivedOnline', 3, '网络申请数', '件'],
  ['applications.receivedByLetter', 3, '信函申请数', '件'],
  ['applications.receivedOther', 3, '其他形式', '件'],
  ['applications.concluded', 2, '申请办结数', '件'],
  ['applications.concludedOnTime', 3, '按时办结数', '件'],
  ['applications.concludedExtended', 3, '延期办结数', '件'],
  ['applications.answered', 2, '申请答复数', '件'],
  ['applications.alreadyPublic', 3, '属于已主动公开范围数', '件'],
  ['applications.granted', 3, '同意公开答复数', '件'],
  ['applications.partiallyGranted', 3, '同意部分公开答复数', '件'],
  ['applications.refused', 3, '不同意公开答复数', '件'],
  ['applications.refusedStateSecret', 4, '涉及国家秘密', '件'],
  ['applications.refusedTradeSecret', 4, '涉及商业秘密', '件'],
  ['applications.refusedPrivacy', 4, '涉及个人隐私', '件'],
  ['applications.refusedSecurity', 4, '危及国家安全、公共安全、经济安全和社会稳定', '件'],
  ['applications.refusedNotGovernmentInformation', 4, '不是《条例》所指政府信息', '件'],
  ['applications.refusedOtherLegal', 4, '法律法规规定的其他情形', '件'],
  ['applications.notThisAgency', 3, '不属于本行政机关公开数', '件'],
  ['applications.nonexistent', 3, '申请信息不存在数', '件'],
  ['applications.toBeSupplemented', 3, '告知作出更改补充数', '件'],
  ['applications.otherChannels', 3, '告知通过其他途径办理数', '件'],
  ['reviews', 1, '行政复议数量', '件'],
  ['reviews.upheld', 2, '维持具体行政行为数', '件'],
  ['reviews.corrected', 2, '被依法纠错数', '件'],
  ['reviews.other', 2, '其他情形数', '件'],
  ['litigation', 1, '行政诉讼数量', '件'],
  ['litigation.upheld', 2, '维持具体行政行为或者驳回原告诉讼请求数', '件'],
  ['litigation.corrected', 2, '被依法纠错数', '件'],
  ['litigation.other', 2, '其他情形数', '件'],
  ['complaints', 1, '被举报投诉数量', '件'],
  ['complaints.upheld', 2, '维持具体行政行为数', '件'],
  ['complaints.corrected', 2, '被纠错数', '件'],
  ['complaints.other', 2, '其他情形数', '件'],
  ['archives', 1, '向图书馆、档案馆等查阅场所报送信息数', '条'],
  ['archives.paper', 2, '纸质文件数', '条'],
  ['archives.electronic', 2, '电子文件数', '条'],
  ['capacity', 1, '机构建设和保障经费情况', '', 'group'],
  ['capacity.offices', 2, '政府信息公开工作专门机构数', '个'],
  ['capacity.readingPoints', 2, '设置政府信息公开查阅点数', '个'],
  ['capacity.staff', 2, '从事政府信息公开工作人员数', '人'],
  ['capacity.staffFullTime', 3, '专职人员数（不包括政府网站工作人员数）', '人'],
  ['capacity.staffPartTime', 3, '兼职人员数', '人'],
  ['capacity.funding', 2, '政府信息公开专项经费（不包括用于政府网站建设维护等方面的经费）', '万元', 'amount'],
  ['training', 1, '政府信息公开会议和培训情况', '', 'group'],
  ['training.meetings', 2, '召开政府信息公开工作会议或专题会议数', '次'],
  ['training.classes', 2, '举办各类培训班数', '次'],
  ['training.trainees', 2, '接受培训人员数', '人次'],
];

function buildRows(spec: RowSpec[]): StatisticsRow[] {
  const stack: StatisticsRow[] = [];
  return spec.map(([id, level, label, unit, kind = 'count']) => {
    while (stack.length > 0 && stack[stack.length - 1]!.level >= level) stack.pop();
    const parent = stack[stack.length - 1];
    const row: StatisticsRow = parent ? { id, level, label, unit, kind, parent: parent.id } : { id, level, label, unit, kind };
    stack.push(row);
    return row;
  });
}

/** Every row of the template, in table order. */
export const STATISTICS_ROWS: readonly StatisticsRow[] = buildRows(SPEC);

/** Rows by id. */
export const STATISTICS_ROW_BY_ID: ReadonlyMap<string, StatisticsRow> = new Map(STATISTICS_ROWS.map((r) => [r.id, r]));

/** Ids of the rows that carry a value (every row but the group rows). */
export const STATISTICS_VALUE_IDS: readonly string[] = STATISTICS_ROWS.filter((r) => r.kind !== 'group').map((r) => r.id);

/** A rule tying rows together; a broken rule is a warning (the report is still rendered). */
export type StatisticsRule = Rule;

const channels = ['proactive.gazette', 'proactive.website', 'proactive.weibo', 'proactive.wechat', 'proactive.other'];
const childrenOf = (id: string) => STATISTICS_ROWS.filter((r) => r.parent === id && r.kind !== 'group').map((r) => r.id);

/** The sum rules and the inequalities that hold by definition. */
export const STATISTICS_RULES: readonly StatisticsRule[] = [
  { kind: 'sum', total: 'applications.received', parts: childrenOf('applications.received') },
  { kind: 'sum', total: 'applications.concluded', parts: childrenOf('applications.concluded') },
  { kind: 'sum', total: 'applications.answered', parts: childrenOf('applications.answered') },
  { kind: 'sum', total: 'applications.refused', parts: childrenOf('applications.refused') },
  { kind: 'sum', total: 'reviews', parts: childrenOf('reviews') },
  { kind: 'sum', total: 'litigation', parts: childrenOf('litigation') },
  { kind: 'sum', total: 'complaints', parts: childrenOf('complaints') },
  { kind: 'sum', total: 'archives', parts: childrenOf('archives') },
  { kind: 'sum', total: 'capacity.staff', parts: childrenOf('capacity.staff') },
  { kind: 'atMost', part: 'response.pressConferencesByHead', whole: 'response.pressConferences', reason: '其中项不能大于总数' },
  { kind: 'atMost', part: 'response.onlineInterviewsByHead', whole: 'response.onlineInterviews', reason: '其中项不能大于总数' },
  { kind: 'atMost', part: 'proactive.normativeDocuments', whole: 'proactive.total', reason: '其中项不能大于总数' },
  ...channels.map(
    (part): StatisticsRule => ({ kind: 'atMost', part, whole: 'proactive.total', reason: '主动公开总数对不同渠道重复公开的信息只计1条，不能小于任一渠道的公开数' }),
  ),
];

/** The 2014-scheme table as a template table: 统计指标 | 单位 | 统计数, appended as 附件. */
export const STATISTICS_TABLE_2014: TableDefinition = {
  id: 'statistics',
  name: '政府信息公开工作情况统计表',
  placement: { kind: 'attachment' },
  titled: true,
  columns: ['label', 'unit', 'value'],
  header: [[{ text: '统计指标', distribute: true }, { text: '单位' }, { text: '统计数' }]],
  numbered: true,
  minSize: 10.5,
  rows: STATISTICS_ROWS.map((row): RowDefinition => ({
    id: row.id,
    level: row.level,
    ...(row.parent ? { parent: row.parent } : {}),
    cells:
      row.kind === 'group'
        ? [{ kind: 'label', text: row.label, level: row.level, group: row.level === 1 }, { kind: 'empty' }, { kind: 'empty' }]
        : [
            { kind: 'label', text: row.label, level: row.level, group: row.level === 1 },
            { kind: 'text', text: row.unit },
            { kind: 'value', id: row.id, valueKind: row.kind, label: row.label, unit: row.unit },
          ],
  })),
};
