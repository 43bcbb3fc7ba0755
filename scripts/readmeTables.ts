/** Markdown tables for the README, generated from the library's own data so they cannot drift. */
import { FONT_ROLES } from '../src/model/fontRole.js';
import { SECTION_DEFINITIONS } from '../src/model/templates/sections2014.js';
import { STATISTICS_ROWS, STATISTICS_RULES } from '../src/model/templates/statistics2014.js';
import { DEFAULT_FONT_SIZES } from '../src/fonts/fontSet.js';

/** The generated blocks, keyed by the name used in `<!-- BEGIN name -->` markers. */
export function readmeBlocks(): Record<string, string> {
  const sections = [
    '| # | key | 标准标题 | 必备 |',
    '|---|---|---|---|',
    ...SECTION_DEFINITIONS.map((s, i) => `| ${i + 1} | \`${s.key}\` | ${s.title} | ${s.required ? '是' : '否'} |`),
  ].join('\n');
  const rows = [
    '| row id | level | 统计指标 | 单位 |',
    '|---|---|---|---|',
    ...STATISTICS_ROWS.map((r) => `| ${r.kind === 'group' ? `(${r.id})` : `\`${r.id}\``} | ${r.level} | ${'　'.repeat(r.level - 1)}${r.label} | ${r.unit} |`),
  ].join('\n');
  const rules = STATISTICS_RULES.map((r) =>
    r.kind === 'sum' ? `- \`${r.total}\` = ${r.parts.map((p) => `\`${p}\``).join(' + ')}` : r.kind === 'atMost' ? `- \`${r.part}\` ≤ \`${r.whole}\` (${r.reason})` : '',
  ).join('\n');
  const roles = ['| role | default size (pt) |', '|---|---|', ...FONT_ROLES.map((r) => `| \`${r}\` | ${DEFAULT_FONT_SIZES[r]} |`)].join('\n');
  return { sections, rows, rules, roles };
}

/** The README text with every generated block replaced by its current content. */
export function updateReadme(text: string): string {
  let out = text;
  for (const [name, body] of Object.entries(readmeBlocks())) {
    const re = new RegExp(`(<!-- BEGIN ${name} -->\\n)[\\s\\S]*?(<!-- END ${name} -->)`);
    if (!re.test(out)) throw new Error(`README has no block ${name}`);
    out = out.replace(re, (_, begin: string, end: string) => `${begin}${body}\n${end}`);
  }
  return out;
}
