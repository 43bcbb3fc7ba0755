/**
 * Words of the titles of these reports, as data: where a title may break (GB/T 9704 §7.2.3: 回行时词意完整). A title
 * breaks only between words: never inside the agency's name when the name fits a line, and inside a longer name only
 * after an administrative unit or an organisation word; never inside the words below. A wrapped table label is not
 * broken inside them either, when it can be set in as many lines without.
 */

/** Words never split across title lines (nor, where it can be helped, across the lines of a table label). */
export const TITLE_WORDS: readonly string[] = [
  '政府信息公开',
  '信息公开',
  '政务公开',
  '工作',
  '年度报告',
  '年度',
  '本年度',
  '办理',
  '结果',
  '申请',
  '公开',
  '报告',
  '情况',
  '统计表',
  '人民政府',
  '人民政府办公室',
  '人民政府办公厅',
  '办公室',
  '办公厅',
  '委员会',
  '管理委员会',
  '办事处',
  '街道办事处',
  '领导小组',
  '管理局',
  '管理处',
  '服务中心',
  '信息中心',
  '中心',
  '信息',
  '网站',
  '门户网站',
  '平台',
  '公众号',
  '微信',
  '微博',
  '有限公司',
  '自治区',
  '自治州',
  '自治县',
];

/**
 * Where a long agency name may break: after an administrative unit (省 市 县 区 乡 镇 街道 …) or an organisation word
 * (人民政府, 委员会, 办公室, 管理局 …), and after a comma or a closing bracket.
 */
export const NAME_BREAKS_AFTER: readonly string[] = [
  '省',
  '市',
  '县',
  '区',
  '乡',
  '镇',
  '村',
  '旗',
  '盟',
  '州',
  '街道',
  '自治区',
  '自治州',
  '自治县',
  '人民政府',
  '委员会',
  '管理委员会',
  '办公室',
  '办公厅',
  '办事处',
  '管理局',
  '局',
  '厅',
  '中心',
  '片区',
  '开发区',
  '新区',
  '园区',
  '，',
  '）',
  ')',
];
