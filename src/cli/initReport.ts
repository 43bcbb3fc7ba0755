/** A starting report for an agency and year: every section present with one empty paragraph, every statistics value 0. */
import { SECTION_KEYS } from '../model/sections.js';
import { STATISTICS_VALUE_IDS } from '../model/statisticsTemplate.js';
import type { Report } from '../model/types.js';

/** Builds the starting report; `today` is the signature date (ISO). */
export function initReport(agency: string, year: number, today: string): Report {
  const sections = Object.fromEntries(SECTION_KEYS.map((key) => [key, { blocks: [{ type: 'paragraph', text: '' }] }])) as Report['sections'];
  return {
    metadata: { agency, year, keywords: ['政府信息公开', '年度报告'] },
    preamble: [{ type: 'paragraph', text: '' }],
    sections,
    signature: { office: agency, date: today },
    statistics: { values: Object.fromEntries(STATISTICS_VALUE_IDS.map((id) => [id, 0])) },
  };
}
