/** Markdown tables for the README, generated from the library's own data so they cannot drift. */
import { FONT_ROLES } from '../src/model/fontRole.js';
import { SECTION_DEFINITIONS } from '../src/model/templates/sections2014.js';
import { STATISTICS_ROWS, STATISTICS_RULES } from '../src/model/templates/statistics2014.js';
import { DEFAULT_FONT_SIZES } from '../src/fonts/fontSet.js';
import { ISSUE_CODES } from '../src/model/issueCodes.js';
import { DEFAULT_TEXT_STREAM_LIMITS, type TextStreamLimits } from '../src/textstream/index.js';

/** What each budget of the text-stream reader bounds (a limit without a line here fails the README generation). */
const TEXT_LIMITS: Record<keyof TextStreamLimits, string> = {
  maxStreamBytes: 'one decoded stream (each Flate stage stops there)',
  maxDecodedBytes: 'all decoding in the document',
  maxContentBytes: 'content read by all pages (a shared stream counts per use)',
  maxObjectBytes: 'object syntax parsed',
  maxObjects: 'cross-reference entries',
  maxPages: 'pages',
  maxNesting: 'q/Q, marked content, arrays and dictionaries, the page tree',
  maxOperatorsPerPage: 'operators on one page',
  maxOperands: 'operands before one operator (array and dictionary elements included)',
  maxGlyphsPerString: 'glyphs in one Tj, TJ, \' or "',
  maxGlyphsPerPage: 'glyphs on one page',
  maxGlyphs: 'glyphs in the document',
  maxWidthEntries: 'CID widths set by all /W arrays',
  maxUnicodeEntries: 'codes mapped by all ToUnicode maps',
  maxCidRange: 'CIDs in one `first last w` range',
};

const amount = (n: number) => (n >= 1 << 20 && n % (1 << 20) === 0 ? `${n / (1 << 20)} MiB` : n.toLocaleString('en-US'));
import { TEMPLATES, TEMPLATE_IDS } from '../src/model/templates/index.js';
import type { StatisticsRule, TableDefinition } from '../src/model/templates/index.js';

const code = (id: string) => `\`${id}\``;

function ruleText(r: StatisticsRule): string {
  switch (r.kind) {
    case 'sum':
      return `${code(r.total)} = ${r.parts.map(code).join(' + ')}`;
    case 'atMost':
      return `${code(r.part)} ≤ ${code(r.whole)} (${r.reason})`;
    case 'balance':
      return `${r.left.map(code).join(' + ')} = ${r.right.map(code).join(' + ')}`;
    case 'previous': {
      const change = [...r.plus.map((p) => ` + ${code(p)}`), ...r.minus.map((m) => ` − ${code(m)}`)].join('');
      return `${code(r.value)} = last year's ${code(r.previous)} (\`statistics.previous\`)${change}`;
    }
  }
}

/** One line per row of a table that takes values: the row's id, its label and the ids of its cells after the row id. */
function tableRows(table: TableDefinition): string[] {
  const out: string[] = [];
  for (const row of table.rows) {
    const labels = row.cells.filter((c) => c.kind === 'label').map((c) => (c.kind === 'label' ? c.text : ''));
    const ids = row.cells.flatMap((c) => (c.kind === 'value' ? [c.id] : []));
    if (ids.length === 0) {
      if (row.heading) out.push(`| (${row.id}) | ${labels.join(' ')} |  |`);
      continue;
    }
    const stem = ids[0]!.slice(0, ids[0]!.lastIndexOf('.'));
    const shared = ids.length > 1 && ids.every((id) => id.startsWith(`${stem}.`) && !id.slice(stem.length + 1).includes('.'));
    const prefix = ids.length === 1 ? ids[0]! : shared ? stem : table.id;
    const cells = ids.length === 1 ? '' : shared ? ids.map((id) => id.slice(stem.length + 1)).join(' · ') : ids.map(code).join(' · ');
    out.push(`| ${code(prefix)} | ${labels.join(' ') || table.name} | ${cells} |`);
  }
  return out;
}

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
  const rules = STATISTICS_RULES.map((r) => `- ${ruleText(r)}`).join('\n');
  const roles = ['| role | default size (pt) |', '|---|---|', ...FONT_ROLES.map((r) => `| \`${r}\` | ${DEFAULT_FONT_SIZES[r]} |`)].join('\n');
  const templates = [
    '| template | 名称 | 依据 | 部分（* 必备） | 统计表 |',
    '|---|---|---|---|---|',
    ...TEMPLATE_IDS.map((id) => {
      const t = TEMPLATES[id];
      const parts = t.parts.map((p, i) => `${i + 1}. ${code(p.key)} ${p.title}${p.required ? ' *' : ''}`).join('<br>');
      const tables = t.tables.map((x) => `${code(x.id)} ${x.name}${t.statisticsRequired ? '' : '（可选）'}`).join('<br>');
      return `| ${code(id)}${id === '2014' ? ' (default)' : ''} | ${t.name} | ${t.basis} | ${parts} | ${tables} |`;
    }),
  ].join('\n');
  const t2021 = TEMPLATES['2021'];
  const rows2021 = t2021.tables
    .flatMap((table) => [`| **${code(table.id)}** | **${table.name}** | |`, ...tableRows(table)])
    .join('\n');
  const rules2021 = t2021.rules.map((r) => `- ${ruleText(r)}`).join('\n');
  // The 2019 format differs from the 2021 format in table 二 only (and in （六）其他处理, one row instead of three).
  const proactive2019 = TEMPLATES['2019'].tables.find((t) => t.id === 'proactive')!;
  const codes = [
    '| code | severity | 含义 | meaning |',
    '|---|---|---|---|',
    ...Object.entries(ISSUE_CODES).map(([c, i]) => `| ${code(c)} | ${i.severity} | ${i.zh} | ${i.en.replaceAll('|', '\\|')} |`),
  ].join('\n');
  const textLimits = [
    '| limit | default | bounds |',
    '|---|---|---|',
    ...Object.entries(DEFAULT_TEXT_STREAM_LIMITS).map(([key, value]) => {
      const what = TEXT_LIMITS[key as keyof TextStreamLimits];
      if (!what) throw new Error(`no README line for text-stream limit ${key}`);
      return `| \`${key}\` | ${amount(value)} | ${what} |`;
    }),
  ].join('\n');
  return { textLimits, sections, rows, rules, roles, templates, rows2021: ['| row id | 统计指标 | cells |', '|---|---|---|', rows2021].join('\n'), rules2021, rows2019: ['| row id | 统计指标 | cells |', '|---|---|---|', ...tableRows(proactive2019)].join('\n'), codes };
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
