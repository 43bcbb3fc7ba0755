/**
 * Words of the titles of these reports, as data: where a title may break (GB/T 9704 §7.2.3: 回行时词意完整). A title
 * breaks only between words: never inside the agency's name when the name fits a line, and inside a longer name only
 * after an administrative unit or an organisation word; never inside the words below. A wrapped table label is not
 * broken inside them either, nor inside the words of the statistics tables (LABEL_WORDS) and the places a name
 * begins with (leadingPlaceNames), when it can be set in as many lines without. byFirstUnit indexes such a list by
 * first character, for looking a text up one character at a time.
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
  '重新',
  '出具',
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
 * Words of the statistics tables' labels (the 2014 table and tables 二 to 四 of the national formats) and common words
 * of the reports' own tables, kept whole across the lines of a wrapped table label where that can be helped, besides
 * TITLE_WORDS: （四）/ 无法 / 提供, not 无法提 / 供; …不掌握相关 / 政府信息, not …相关政 / 府信息. Titles do not use them.
 */
export const LABEL_WORDS: readonly string[] = [
  '国家秘密',
  '商业秘密',
  '个人隐私',
  '法律',
  '法规',
  '行政',
  '机关',
  '禁止',
  '安全',
  '稳定',
  '第三方',
  '合法权益',
  '内部事务',
  '过程性',
  '执法',
  '案卷',
  '查询',
  '事项',
  '掌握',
  '相关',
  '政府',
  '现成',
  '另行',
  '制作',
  '补正',
  '内容',
  '明确',
  '信访',
  '举报',
  '投诉',
  '重复',
  '提供',
  '出版物',
  '正当',
  '理由',
  '大量',
  '反复',
  '要求',
  '确认',
  '获取',
  '逾期',
  '处理',
  '收费',
  '通知',
  '缴纳',
  '费用',
  '申请人',
  '不予',
  '无法',
  '其他',
  '答复',
  '办结',
  '延期',
  '途径',
  '范围',
  '规范性文件',
  '新闻发布会',
  '在线访谈',
  '培训',
  '经费',
  '查阅点',
  '纠错',
  '复议',
  '诉讼',
  '维持',
  '驳回',
  '舆情',
  '解读',
  '回应',
  '渠道',
  '方式',
  '人员',
  '机构',
  '数量',
  '项目',
  '采购',
  '金额',
  '服务',
  '建设',
  '规划',
  '体系',
  '管理',
  '发布',
  '政策',
  '文件',
  '制度',
  '机制',
  '监督',
  '检查',
  '保障',
  '公共',
  '资源',
  '交易',
  '审批',
  '专栏',
  '栏目',
  '数据',
  '系统',
  '热线',
  '群众',
  '社会',
  '经济',
  '发展',
  '改革',
  '养老',
  '救助',
  '资金',
];

/** Administrative units that end a place name (山东省, 临沂市, 洪泽区, 建新镇, 丰门街道 …), longest first. */
const PLACE_UNITS: readonly string[] = ['自治区', '自治州', '自治县', '街道', '省', '市', '县', '区', '乡', '镇', '旗', '盟', '州'];

/** Characters of a place name before its unit: at least two (临沂市, not 市 of 市场监督管理局), at most eight. */
const PLACE_NAME = { least: 2, most: 8 };

/**
 * The place names an agency's name begins with, each up to its administrative unit: 淮安市洪泽区人民政府 → 淮安市,
 * 洪泽区; 临沂市民政局 → 临沂市; 平潭综合实验区市场监督管理局 → 平潭综合实验区. A table's labels keep them whole where
 * that can be helped (申请公开 / 临沂市养老服务…, not …临 / 沂市…).
 */
export function leadingPlaceNames(name: string): string[] {
  const units = byFirstUnit(PLACE_UNITS);
  const names: string[] = [];
  let at = 0;
  for (;;) {
    let end = -1;
    for (let k = at + PLACE_NAME.least; k < Math.min(name.length, at + PLACE_NAME.most); k++) {
      const unit = units.get(name.charCodeAt(k))?.find((u) => name.startsWith(u, k));
      if (unit) {
        end = k + unit.length;
        break;
      }
    }
    if (end < 0) return names;
    names.push(name.slice(at, end));
    at = end;
  }
}

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

/** Word lists by the first UTF-16 unit of their words, made once per list. */
const firstUnitIndexes = new WeakMap<readonly string[], ReadonlyMap<number, readonly string[]>>();

/**
 * The words of a list by their first UTF-16 unit, each group in the list's order (so a list ordered longest first
 * stays so): a text is looked up at each of its characters instead of searched once per word. Made once per list.
 */
export function byFirstUnit(words: readonly string[]): ReadonlyMap<number, readonly string[]> {
  let index = firstUnitIndexes.get(words);
  if (!index) {
    const groups = new Map<number, string[]>();
    for (const word of words) {
      if (!word) continue;
      const group = groups.get(word.charCodeAt(0));
      if (group) group.push(word);
      else groups.set(word.charCodeAt(0), [word]);
    }
    firstUnitIndexes.set(words, (index = groups));
  }
  return index;
}
