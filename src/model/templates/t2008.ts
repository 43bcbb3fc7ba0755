/**
 * The 2008 template: the seven parts that reports under the 2007 条例 (art. 32) used from 2008 to 2018, with the
 * 国办发〔2014〕32号 statistics table as an optional 附件. Reports left parts out freely, so every part is optional.
 */
import { STATISTICS_RULES, STATISTICS_TABLE_2014 } from './statistics2014.js';
import type { Template } from './types.js';

export const TEMPLATE_2008: Template = {
  id: '2008',
  name: '七部分格式（《条例》（2007年）第三十二条）',
  basis: '《中华人民共和国政府信息公开条例》（2007年）第三十二条',
  parts: [
    { key: 'overview', title: '概述', required: false },
    { key: 'proactiveDisclosure', title: '主动公开政府信息情况', required: false },
    { key: 'applications', title: '依申请公开政府信息情况', required: false },
    { key: 'fees', title: '政府信息公开的收费及减免情况', required: false },
    { key: 'reviewsAndLitigation', title: '因政府信息公开申请提起行政复议、行政诉讼的情况', required: false },
    { key: 'problemsAndImprovements', title: '政府信息公开工作存在的主要问题及改进情况', required: false },
    { key: 'otherMatters', title: '其他需要报告的事项', required: false },
  ],
  tables: [STATISTICS_TABLE_2014],
  statisticsRequired: false,
  rules: STATISTICS_RULES,
  emptyPartText: '本年度无此项情况。',
  // From the first reports under the 2007 条例 (in force 2008-05-01) until the national format of 2019.
  years: { from: 2008, to: 2018 },
};
