/**
 * Every code a validation issue may carry, with its severity and what it means, in one table: the README's list of
 * codes is generated from it and a test checks that every code the validator emits is here. Editors may show the
 * Chinese meaning next to an issue's own message.
 */

/** What a code means: its severity, and a short description in Chinese and in English. */
export interface IssueCodeInfo {
  readonly severity: 'error' | 'warning';
  readonly zh: string;
  readonly en: string;
}

/** Issue codes, grouped as the README lists them (input, structure, statistics, characters, text, options). */
export const ISSUE_CODES: Readonly<Record<string, IssueCodeInfo>> = {
  // The input as a whole.
  invalid_input: { severity: 'error', zh: '输入无法读取', en: 'the input cannot be read at all (not a plain object, a throwing getter)' },
  unknown_template: { severity: 'error', zh: '不认识的模板', en: '`template` is not 2014, 2008, 2019 or 2021' },
  too_many_issues: { severity: 'error', zh: '问题过多，其余未列出', en: 'more than 500 errors (or warnings): the rest are counted, not listed' },
  limit_exceeded: { severity: 'error', zh: '超出长度或数量限制', en: 'a paragraph, the block count or the total text beyond `limits`' },
  // The shape of the report.
  missing_field: { severity: 'error', zh: '缺少必填项', en: 'a required field is absent' },
  missing_section: { severity: 'error', zh: '缺少必备部分', en: "a part the template requires is absent (write it even when empty)" },
  unknown_field: { severity: 'error', zh: '不认识的字段', en: 'a field the report object does not have (a misspelling)' },
  invalid_type: { severity: 'error', zh: '类型不对', en: 'a value of the wrong type (a number where text is expected …)' },
  invalid_value: { severity: 'error', zh: '取值不在允许范围内', en: 'a value outside an enumeration (`dateStyle`, `classification` …)' },
  invalid_block_type: { severity: 'error', zh: '块类型不对', en: 'a block whose `type` is not paragraph, subsection, list, table or statisticsTable' },
  empty_text: { severity: 'error', zh: '文字为空', en: 'a title, name or cell that is empty or only blanks' },
  too_few_items: { severity: 'error', zh: '项数不足', en: 'a list without items, a table without rows' },
  out_of_range: { severity: 'error', zh: '数值超出范围', en: 'a year or size outside its range' },
  invalid_date: { severity: 'error', zh: '日期无效', en: 'not YYYY-MM-DD, or a day that does not exist (2018-02-30)' },
  conflicting_fields: { severity: 'error', zh: '字段互相冲突', en: 'two fields that exclude each other (`office` and `offices`)' },
  title_lines_mismatch: { severity: 'error', zh: '分行标题与标题不一致', en: '`titleLines` joined differ from the title' },
  too_deep: { severity: 'error', zh: '层次过深', en: 'a fourth level of subsections, or nesting beyond what a report can hold' },
  unknown_table: { severity: 'error', zh: '不认识的统计表', en: 'a statisticsTable block naming a table the template does not have' },
  table_in_wrong_part: { severity: 'error', zh: '统计表放错部分', en: 'a statistics table placed in a part it does not belong to' },
  duplicate_table: { severity: 'error', zh: '统计表重复', en: 'a statistics table placed twice' },
  statistics_not_in_template: { severity: 'error', zh: '模板没有统计表', en: '`statistics` given for a template without tables' },
  metadata_too_long: { severity: 'error', zh: '元数据过长', en: 'a metadata field longer than a PDF/A string may be (32,767 bytes)' },
  unknown_placeholder: { severity: 'error', zh: '引用了不存在的统计项', en: '`{{id}}` naming no value of the template' },
  placeholder_group_row: { severity: 'error', zh: '引用了分组标题行', en: '`{{id}}` naming a group row, which has no value' },
  // The statistics.
  missing_value: { severity: 'error', zh: '缺少统计数', en: 'a value cell without a number (write 0 for none)' },
  unknown_row: { severity: 'error', zh: '不认识的统计项', en: 'a value id the template does not have' },
  group_row_value: { severity: 'error', zh: '分组标题行不填数', en: 'a value given for a group row' },
  negative_value: { severity: 'error', zh: '统计数为负', en: 'a negative count or amount' },
  fractional_count: { severity: 'error', zh: '件数带小数', en: 'a count that is not an integer' },
  count_is_string: { severity: 'error', zh: '件数写成了字符串', en: 'a count given as text (only 万元 amounts may be strings)' },
  invalid_number: { severity: 'error', zh: '不是有限数字', en: 'NaN or infinity' },
  invalid_amount: { severity: 'error', zh: '金额格式不对', en: 'an amount string that is not a plain decimal (2.50)' },
  invalid_change: { severity: 'error', zh: '增减数格式不对', en: 'a change (本年增/减) that is neither an integer nor its text with a sign ("+2", "-1")' },
  unsafe_integer: { severity: 'error', zh: '数值过大', en: 'a number beyond 2^53, which cannot be printed exactly' },
  sum_mismatch: { severity: 'warning', zh: '合计与分项之和不符', en: 'a total differs from the sum of its parts' },
  at_most_violation: { severity: 'warning', zh: '其中项大于总数', en: 'a part larger than its whole' },
  balance_mismatch: { severity: 'warning', zh: '勾稽关系不平衡', en: 'two sides of a balance differ (一 + 二 ≠ 三（七） + 四)' },
  previous_mismatch: { severity: 'warning', zh: '与上年数据衔接不上', en: "this year's value does not follow from `statistics.previous`" },
  // Characters.
  control_character: { severity: 'error', zh: '控制字符', en: 'C0/C1 controls, tab and line feed (a paragraph is one paragraph)' },
  line_separator: { severity: 'error', zh: '行分隔符或段分隔符', en: 'U+2028, U+2029 (use separate paragraphs)' },
  bidi_control: { severity: 'error', zh: '文字方向控制字符', en: 'U+202A–U+202E, U+2066–U+2069, U+200E/F (they reorder text invisibly)' },
  invisible_character: { severity: 'error', zh: '零宽或不可见字符', en: 'U+200B–U+200D, U+2060, U+FEFF, the soft hyphen U+00AD' },
  lone_surrogate: { severity: 'error', zh: '无效的 UTF-16 编码', en: 'an unpaired surrogate' },
  noncharacter: { severity: 'error', zh: 'Unicode 非字符', en: 'U+FDD0–U+FDEF, U+xxFFFE/F (PDF/A refuses them in metadata)' },
  private_use: { severity: 'error', zh: '私用区字符', en: 'private use areas (each font draws something else there)' },
  undrawable_character: { severity: 'error', zh: '字体无法显示的字符', en: 'a character no font of the role can draw, named by code point' },
  // The text.
  halfwidth_punctuation: { severity: 'warning', zh: '中文中的半角标点', en: '`, ; : ( ) ? !` inside Chinese text (what normalizePunctuation fixes)' },
  fullwidth_alphanumeric: { severity: 'warning', zh: '全角数字或字母', en: '２０１７, ＡＢＣ pasted from a CMS (normalizePunctuation fixes them)' },
  fullwidth_in_address: { severity: 'warning', zh: '网址中有全角标点', en: 'a URL typed as http：// or https：／／ (normalizePunctuation writes http://)' },
  stray_whitespace: { severity: 'warning', zh: '多余的空格', en: 'an indent typed as 　　, a space at a field’s end, or inside Chinese text (数据 统计; normalizePunctuation removes them)' },
  document_number_brackets: { severity: 'warning', zh: '文号年份未用六角括号', en: '国办发[2021]30号 or （2021） where GB/T 9704 writes 〔2021〕 (normalizePunctuation fixes it)' },
  straight_quotes: { severity: 'warning', zh: '直引号', en: "\" or ' in Chinese text where “” ‘’ belong" },
  typed_numbering: { severity: 'warning', zh: '手工输入了序号', en: 'a title or item that starts with 一、 （一） 1. (numbering is generated)' },
  doubled_punctuation: { severity: 'warning', zh: '标点重复', en: '。。 ，， and the like' },
  unbalanced_brackets: { severity: 'warning', zh: '括号或引号不成对', en: '《 without 》, （ without ）, “ without ”' },
  empty_section: { severity: 'warning', zh: '部分没有内容', en: 'a part with no blocks (prints the template’s 本年度无此项情况。)' },
  empty_subsection: { severity: 'warning', zh: '小标题下没有内容', en: 'a subsection with no blocks' },
  empty_paragraph: { severity: 'warning', zh: '空段落', en: 'a paragraph of blanks only' },
  paragraph_like_heading: { severity: 'warning', zh: '段落像标题', en: 'a paragraph that is a heading typed as text (一、总体情况 with no sentence after it): it prints as body text' },
  empty_item: { severity: 'warning', zh: '空条目', en: 'a list item with neither lead nor text' },
  run_in_without_paragraph: { severity: 'warning', zh: '同行标题后不是段落', en: 'a run-in subsection whose first block is not a paragraph' },
  template_year_mismatch: { severity: 'warning', zh: '模板与报告年度不符', en: 'a template used for a year it was not prescribed for (the 2021 format for a 2020 report)' },
  date_before_period_end: { severity: 'warning', zh: '落款日期早于年度结束', en: 'a signature date inside the reporting year' },
  date_after_deadline: { severity: 'warning', zh: '落款日期晚于发布期限', en: 'a signature date after the publication deadline' },
  // The options (validateReport and renderReport).
  invalid_options: { severity: 'error', zh: '选项不对', en: 'an unknown or impossible option (a grid that does not fit the page …)' },
  font_error: { severity: 'error', zh: '字体无法读取', en: 'a font file that cannot be read, or is not a font' },
};
