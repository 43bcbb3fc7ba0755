/** The 2014 template: Shandong's twelve sections (2016–2017 reports) with the 国办发〔2014〕32号 table as 附件. */
import { SECTION_DEFINITIONS } from './sections2014.js';
import { STATISTICS_RULES, STATISTICS_TABLE_2014 } from './statistics2014.js';
import type { Template } from './types.js';

export const TEMPLATE_2014: Template = {
  id: '2014',
  name: '十二部分格式（2014年起，附政府信息公开工作情况统计表）',
  basis: '国办发〔2014〕32号；《山东省政府信息公开办法》',
  parts: SECTION_DEFINITIONS,
  tables: [STATISTICS_TABLE_2014],
  statisticsRequired: true,
  rules: STATISTICS_RULES,
  emptyPartText: '本年度无此项情况。',
  // The table of 国办发〔2014〕32号 was filled in from the 2014 reports until the national format of 2019.
  years: { from: 2014, to: 2018 },
};
