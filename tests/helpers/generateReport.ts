/** Seeded generator of reports, valid and invalid, with random and hostile text (for tests and the long fuzz run). */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Report } from '../../src/model/types.js';

/** mulberry32: a small seeded pseudo-random generator. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Pieces that render: ideographs, marks, Latin, digits, URLs, emoji, combining marks, PDF and XML syntax. */
export const SAFE_PIECES: readonly string[] = [
  '政府信息公开', '主动公开', '依申请公开', '临沂市民政局', '溍源镇', '龑',
  '，', '。', '、', '；', '：', '？', '！', '（', '）', '《', '》', '“', '”', '——', '……',
  'API', 'HTTPS', 'IPv6', 'PDF/A-1b', 'the quick brown fox', '2017年', '393条', '2万元', '98.6%', '0539-7200966', '1,250.5',
  'http://mzj.linyi.gov.cn/info/1040/3628.htm', 'lyminzhengju@126.com', 'https://www.example.gov.cn/xxgk/zfxxgkndbg/2018/201901/t20190115_1234567.html',
 'é', 'e\u0301', '\u4e00\u0301',
  '( ) \\ < > [ ] { } / %', '& < > " \'', '</rdf:li>', ')Tj ET', '%%EOF', ' ', '  ',
];

/** Pieces that a report must not contain: controls, separators, bidi and zero-width characters, lone surrogates, and an emoji no bundled font draws. */
export const HOSTILE_PIECES: readonly string[] = ['😀', '🇨🇳', '\u0000', '\u0007', '\t', '\n', '\u2028', '\u202e', '\u200b', '\ud800', '\udc00x', '\ufeff'];

let pool: readonly string[] = SAFE_PIECES;

function text(rnd: () => number, max: number): string {
  const n = Math.floor(rnd() * max);
  let s = '';
  for (let i = 0; i < n; i++) s += pool[Math.floor(rnd() * pool.length)]!;
  return s;
}

const seedReport = JSON.parse(readFileSync(fileURLToPath(new URL('../../fixtures/linyi-minzheng-2017.json', import.meta.url)), 'utf8')) as Report;

/** A report with random text in every text field; some also get structural damage (wrong types, bad values). */
export function generateReport(seed: number): unknown {
  const rnd = seeded(seed);
  pool = rnd() < 0.3 ? [...SAFE_PIECES, ...HOSTILE_PIECES] : SAFE_PIECES;
  const report = structuredClone(seedReport) as Report & Record<string, unknown>;
  report.metadata.agency = text(rnd, 4) || '某局';
  if (rnd() < 0.3) report.metadata.title = text(rnd, 8);
  report.preamble = [{ type: 'paragraph', text: text(rnd, 30) }];
  for (const key of Object.keys(report.sections) as (keyof Report['sections'])[]) {
    report.sections[key] = {
      blocks: [
        { type: 'paragraph', text: text(rnd, 40) },
        ...(rnd() < 0.3 ? [{ type: 'subsection' as const, title: text(rnd, 5) || '情况', blocks: [{ type: 'paragraph' as const, text: text(rnd, 20) }] }] : []),
        ...(rnd() < 0.3 ? [{ type: 'list' as const, items: [{ lead: text(rnd, 3), text: text(rnd, 20) }] }] : []),
      ],
    };
  }
  report.signature.office = text(rnd, 4) || '办公室';
  if (rnd() < 0.2) report.statistics!.notes = { 'applications.received': text(rnd, 6) };
  const damage = rnd();
  if (damage < 0.05) (report.metadata as Record<string, unknown>).year = '二〇一七';
  else if (damage < 0.1) report.statistics!.values['applications.received'] = -1;
  else if (damage < 0.15) report.signature.date = '2018-02-30';
  else if (damage < 0.2) delete (report.sections as Record<string, unknown>).fees;
  else if (damage < 0.25) report.sections.overview!.blocks.push({ type: 'paragraph', text: `见{{no.such.row}}` });
  return report;
}
