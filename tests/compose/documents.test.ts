/**
 * What a report's structure prints, checked on composed pages: keep rules (a lead-in with what follows, a table
 * row with the rows under it), run-in headings, the fourth heading level, parts left out or left empty, several
 * signing offices, a date in Chinese numerals, the report's own title lines, its own tables, and where a 2021
 * statistics table goes.
 */
import { describe, expect, it } from 'vitest';
import type { ComposedDocument, TextItem } from '../../src/compose/page.js';
import { prepareReport, type Report } from '../../src/index.js';
import { allLines, compose, fixture, structureIndex } from '../helpers/composed.js';

const texts = (doc: ComposedDocument) => allLines(doc).map((l) => l.item.line.text);

describe('keep rules', () => {
  it('keeps a lead-in ending in ： with two lines of what follows, wherever it falls', () => {
    for (let k = 0; k < 24; k++) {
      const report = fixture('linyi-minzheng-2017');
      report.sections.overview!.blocks = [
        ...Array.from({ length: k }, () => ({ type: 'paragraph' as const, text: '全年共办理群众来信来访393件次。' })),
        { type: 'paragraph', text: '我局将重点做好以下工作：' },
        { type: 'list', items: [{ text: '加强组织领导。' }, { text: '完善制度建设。' }, { text: '强化监督检查。' }] },
      ];
      const lines = allLines(compose(report));
      const i = lines.findIndex((l) => l.item.line.text.endsWith('以下工作：'));
      expect(lines[i + 1]!.page, `k=${k}`).toBe(lines[i]!.page);
      expect(lines[i + 2]!.page, `k=${k}`).toBe(lines[i]!.page);
    }
  });

  it('never ends a page with a table row whose next row belongs under it', () => {
    const lengths = [0, 10, 25, 40, 60, 90];
    for (const n of lengths) {
      const report = fixture('linyi-minzheng-2017');
      // Notes of various lengths move the table's page breaks.
      report.statistics!.notes = { ...report.statistics!.notes, 'proactive.total': '按'.repeat(n), 'applications.received': '依'.repeat(n) };
      const prepared = prepareReport(report);
      const keep = new Map<number, boolean>();
      const kids = new Map<number, string>();
      for (const block of prepared.document.blocks) {
        if (block.kind !== 'table') continue;
        for (const row of block.table.body) {
          keep.set(row.struct, row.keepWithNext);
          kids.set(row.struct, row.cells[0]!.pieces.map((p) => p.text).join(''));
        }
      }
      const doc = compose(report);
      const { parent } = structureIndex(doc);
      const rowOf = (item: TextItem) => parent.get(item.structs[0]!)?.id;
      for (let p = 0; p + 1 < doc.pages.length; p++) {
        const rows = doc.pages[p]!.items.filter((i): i is TextItem => i.kind === 'text' && !i.artifact && i.structs.length > 0).map(rowOf).filter((r): r is number => r !== undefined && keep.has(r));
        if (rows.length === 0) continue;
        const last = rows[rows.length - 1]!;
        expect(keep.get(last), `note ${n}: page ${p + 1} ends with ${kids.get(last)}`).toBe(false);
      }
    }
  });

  it('keeps 4.不同意公开答复数 with its six 其中 rows, and 六、被举报投诉数量 with its rows', () => {
    const lines = allLines(compose(fixture('linyi-minzheng-2017')));
    const pageOf = (text: string) => lines.find((l) => l.item.line.text.includes(text))!.page;
    expect(pageOf('法律法规规定的其他情形')).toBe(pageOf('4.不同意公开答复数'));
    expect(pageOf('涉及国家秘密')).toBe(pageOf('涉及商业秘密'));
    const six = lines.findIndex((l) => l.item.line.text.startsWith('六、被举报投诉数量'));
    // 六 and its three rows (each a label, a unit and a value).
    for (let k = 1; k <= 9; k++) expect(lines[six + k]!.page, lines[six + k]!.item.line.text).toBe(lines[six]!.page);
  });
});

describe('structure', () => {
  const base = () => fixture('linyi-minzheng-2017');
  /** A log of applications, the seed's own table in its part 其他需要报告的事项: its header and a row of each kind. */
  const LOG_HEADER = [['申请事项', '依据文件', '办理结果', '答复时间']];
  const LOG_BASIS = ['《临沂市民政局关于进一步规范城乡最低生活保障工作的通知》（临民发〔2017〕105号）', '予以公开（部分内容涉及个人隐私已作区分处理）', '2017年12月31日'];
  const LOG_URL = ['https://www.linyi.gov.cn/info/1101/2017fgwj/ylfwtxjsgh20162020.htm', '信息不存在', '2017年3月5日'];
  const withLog = (rows: string[][], title?: string): Report => {
    const report = base();
    report.sections.otherMatters!.blocks.push({ type: 'table', ...(title ? { title } : {}), header: LOG_HEADER, rows });
    return report;
  };
  /** The lines of text `t` from index `at` that hold `label`. */
  const labelLines = (t: readonly string[], at: number, label: string): string[] => {
    const lines: string[] = [];
    for (let k = at, joined = ''; joined.length < label.length; k++) lines.push(t[k]!), (joined += t[k]!);
    return lines;
  };

  it('sets a run-in heading and its paragraph on one line, and a third and fourth level as 1. and （1）', () => {
    const report = base();
    report.sections.overview!.blocks = [
      {
        type: 'subsection',
        title: '探索建立标准化体系',
        runIn: true,
        blocks: [
          { type: 'paragraph', text: '全区统一编制公开目录。' },
          { type: 'subsection', title: '目录编制', blocks: [{ type: 'subsection', title: '事项梳理', blocks: [{ type: 'paragraph', text: '梳理事项一百项。' }] }] },
        ],
      },
    ];
    const t = texts(compose(report));
    expect(t).toContain('（一）探索建立标准化体系。全区统一编制公开目录。');
    expect(t).toContain('1、目录编制'); // the seed numbers its third level 1、 (style.itemNumbering)
    expect(t).toContain('（1）事项梳理');
  });

  it('prints the template’s sentence under an empty part, and renumbers the parts after one left out', () => {
    const report = base();
    report.sections.fees!.blocks = [];
    delete report.sections.keyAreas;
    const t = texts(compose(report));
    expect(t).toContain('三、发布解读、回应社会关切以及互动交流情况');
    expect(t).toContain('四、主动公开政府信息以及公开平台建设情况');
    const fees = t.indexOf('六、政府信息公开的收费及减免情况');
    expect(t[fees + 1]).toBe('本年度无此项情况。');
  });

  it('signs with several offices and dates in Chinese numerals when asked', () => {
    const report = base();
    report.signature = { offices: ['临沂市民政局', '临沂市财政局'], date: '2018-01-21', dateStyle: 'chinese' };
    const t = texts(compose(report));
    const date = t.indexOf('二〇一八年一月二十一日');
    expect(t.slice(date - 2, date)).toEqual(['临沂市民政局', '临沂市财政局']);
  });

  it('breaks the title where the report says', () => {
    const report = base();
    report.metadata.titleLines = ['临沂市民政局', '2017年度政府信息公开工作年度报告'];
    expect(texts(compose(report)).slice(0, 2)).toEqual(['临沂市民政局', '2017年度政府信息公开工作年度报告']);
  });

  it('sets a table of the report’s own with its title, cells in reading order', () => {
    const report = base();
    report.sections.otherMatters!.blocks.push({ type: 'table', title: '公开平台情况', header: [['平台', '条数']], rows: [['门户网站', '393'], ['政务微博', '48']] });
    const doc = compose(report);
    const t = texts(doc).join('|');
    expect(t).toContain('公开平台情况');
    expect(t).toMatch(/平台.*条数\|门户网站.*393\|政务微博.*48/);
    // A table that reads at the table role's size keeps it.
    expect(allLines(doc).find((l) => l.item.line.text.startsWith('门户网站'))!.item.line.runs[0]!.size).toBe(14);
  });

  it('keeps the agency’s places and the common words of these reports whole in the labels of a table of its own', () => {
    // The seed's agency is 临沂市民政局: its place, 临沂市, stays on one line of a label, where it can.
    const label = '申请公开临沂市养老服务体系建设规划（2016—2020年）全文';
    const t = texts(compose(withLog([['关于某某街道2017年度城市低保资金发放明细的申请', ...LOG_BASIS], [label, ...LOG_URL]], '依申请公开办理情况')));
    const lines = labelLines(t, t.findIndex((l) => l.startsWith('申请公开')), label);
    // Before: 申请公开临 / 沂市养老服 / 务体系建设 / 规划（2016— / 2020年）全文.
    expect(lines.join(''), lines.join(' / ')).toBe(label);
    for (const word of ['临沂市', '养老', '服务', '体系', '建设', '规划']) {
      expect(lines.some((l) => l.includes(word)), `${word}: ${lines.join(' / ')}`).toBe(true);
    }
  });

  it('keeps the places a label begins with whole, when they are not the agency’s', () => {
    const t = texts(compose(withLog([['关于枣庄市城乡低保资金发放明细的申请', ...LOG_BASIS]])));
    const at = t.findIndex((l) => l.startsWith('关于'));
    // Before: 关于枣庄 / 市城乡低保 / 资金发放明 / 细的申请.
    expect(t[at]).toBe('关于枣庄市');
  });

  it('splits as few words of a label as its lines allow when not all can stay whole', () => {
    const lines = (label: string) => {
      const t = texts(compose(withLog([[label, ...LOG_BASIS]])));
      return labelLines(t, t.findIndex((l) => label.startsWith(l)), label);
    };
    // Before: 申请公 / 开滕州市 / …, and …/ 站政务公 / 开专栏建设 / 情况: in as many lines, 公开 stays whole.
    expect(lines('申请公开滕州市2017年度养老机构名单').slice(0, 2)).toEqual(['申请公开', '滕州市']);
    expect(lines('建新镇人民政府门户网站政务公开专栏建设情况').slice(2)).toEqual(['站政务公开', '专栏建设', '情况']);
  });

  it('breaks a wrapping table label after a pause mark when that takes no more lines, into even lines', () => {
    const seedLines = texts(compose(fixture('linyi-minzheng-2017')));
    const at = seedLines.indexOf('危及国家安全、公共安全、');
    expect(at).toBeGreaterThan(0);
    expect(seedLines[at + 1]).toBe('经济安全和社会稳定');
    const report = base();
    const early = '依申请公开：' + '政府信息公开工作年度报告编制发布和统计数据核对'.repeat(2);
    const series = '门户网站，政务微博，政务微信和其他渠道公开的政府信息数量合计';
    report.sections.otherMatters!.blocks.push({ type: 'table', title: '补充情况', header: [['事项', '条数']], rows: [[early, '393'], [series, '5']] });
    const t = texts(compose(report));
    const first = t.indexOf('补充情况');
    expect(t.slice(first + 3, first + 9)).toEqual([
      // Broken after ： it would take three lines: the two lines that fit stay.
      '依申请公开：政府信息公开工作年度报告编制发布和统计数据核',
      '对政府信息公开工作年度报告编制发布和统计数据核对',
      '393',
      // Of the breaks after ，, the one that gives the evener lines.
      '门户网站，政务微博，',
      '政务微信和其他渠道公开的政府信息数量合计',
      '5',
    ]);
  });

  it('keeps a short phrase after a table label’s numbering on one line, widening its column only from one whose lines stay', () => {
    for (const name of ['hongze-qu-2024', 'huaian-shi-2024', 'pingtan-syq-2022']) {
      const t = texts(compose(fixture(name)));
      for (const [numbering, phrase] of [['（三）', '不予公开'], ['（四）', '无法提供'], ['（五）', '不予处理'], ['（六）', '其他处理']]) {
        const at = t.indexOf(numbering!);
        expect(at, `${name} ${numbering}`).toBeGreaterThan(0);
        expect(t[at + 1], `${name} ${numbering}`).toBe(phrase);
      }
      // The column that gave the width breaks its labels where it did before (narrower, it would split 出具).
      expect(t, name).toContain('5.要求行政机关确认或重新出具');
      expect(t, name).toContain('已获取信息');
    }
  });

  it('breaks a wrapped table label between words of these reports, and then not inside a clause that fits a line', () => {
    for (const name of ['hongze-qu-2024', 'huaian-shi-2024']) {
      const t = texts(compose(fixture(name)));
      // Before: 1.申请人无正当理由逾期不补正、/ 行政机关不再处理其政府信息公 / 开申请 (and, kept whole but unpaused,
      // 1.申请人无正当理由逾期不 / 补正、…).
      const at = t.indexOf('1.申请人无正当理由逾期不补正、');
      expect(at, name).toBeGreaterThan(0);
      expect(t.slice(at + 1, at + 3), name).toEqual(['行政机关不再处理其', '政府信息公开申请']);
    }
    // Before: 三、本年 / 度办理结 / 果 in a column four characters wide.
    const t = texts(compose(fixture('huaian-shi-2024')));
    const at = t.indexOf('本年度');
    expect(t.slice(at - 1, at + 2)).toEqual(['三、', '本年度', '办理结果']);
  });

  it('gives a piece that may not break the width it needs, taken first from room above four characters a line', () => {
    const report = base();
    report.sections.otherMatters!.blocks.push({
      type: 'table',
      title: '政务公开平台建设情况',
      header: [['序号', '平台名称', '网址', '发布信息（条）', '备注']],
      rows: [
        ['1', '临沂市民政局门户网站政府信息公开专栏', 'http://mzj.linyi.gov.cn/xxgk/zfxxgkzl/index.html', '1234', '（一）主动公开'],
        ['2', '山东省政府信息公开平台', 'https://www.shandong.gov.cn/col/col2267/index.html?number=A0001', '56', '临政办发〔2017〕12号'],
        ['3', '政务微博“临沂民政”', 'https://weibo.com/u/5678901234', '789', '不予公开'],
        ['4', '政务微信公众号', 'mzj_linyi_2017', '12', '（二）依申请公开'],
      ],
    });
    const lines = allLines(compose(report));
    const at = lines.findIndex((l) => l.item.line.text === '政务公开平台建设情况');
    const end = lines.findIndex((l, i) => i > at && l.item.line.text.endsWith('依申请公开'));
    const table = lines.slice(at + 1, end + 1).map((l) => l.item.line);
    const t = table.map((l) => l.text);
    // Before, 备注 and 发布信息（条） were left two characters wide: 临政办发〔2017〕1 / 2号 and 发布 / 信息 / （条 / ）.
    expect(t).toContain('临政办发〔2017〕12号');
    expect(t.filter((x) => /^[）〕”，、。]/.test(x))).toEqual([]);
    expect(t.some((x) => x.endsWith('（条）'))).toBe(true);
    // The width comes first from room above four characters a line: no label is left two or three characters a line
    // (taken from the column with most room it was 临沂 / 市民 / 政局 …, in proportion to all room 临沂市 / 民政局 …).
    for (const label of ['临沂市民政局门户网站政府信息公开专栏', '山东省政府信息公开平台']) {
      const first = t.find((x) => x.length > 0 && label.startsWith(x));
      expect(first!.length, label).toBeGreaterThanOrEqual(4);
    }
  });

  it('keeps a short quoted name of a wrapped table label on one line when that takes no more lines', () => {
    const report = base();
    const label = '政务微博“临沂民政”、政务微信“临沂民政发布”';
    report.sections.otherMatters!.blocks.push({ type: 'table', title: '平台', header: [['序号', '平台', '说明', '备注']], rows: [['1', label, '通过门户网站发布政府信息公开工作年度报告编制情况和统计数据', '按季度更新维护并及时回应社会关切']] });
    const t = texts(compose(report));
    const at = t.indexOf('政务微博“临沂民政”、');
    expect(at).toBeGreaterThan(0);
    // Before: 政务微信“临沂民政 / 发布”.
    expect(t.slice(at + 1, at + 3)).toEqual(['政务微信', '“临沂民政发布”']);
  });

  it('sets a dense table of its own in a size at which its headings keep their words before their unit: 依申请公开 / （件）, not 依 / 申请 / 公开 / （件）', () => {
    const report = base();
    report.sections.otherMatters!.blocks.push({
      type: 'table',
      title: '各乡镇政府信息公开情况',
      header: [['序号', '单位', '主动公开（条）', '依申请公开（件）', '政策解读（篇）', '回应关切（次）', '行政复议（件）', '行政诉讼（件）', '备注']],
      rows: [
        ['1', '清水河镇人民政府', '1,256', '12', '35', '8', '0', '1', '含镇属事业单位'],
        ['2', '萨尔布拉克镇人民政府', '2,034', '25', '48', '13', '0', '0', '依申请公开含转办件'],
      ],
    });
    const doc = compose(report);
    const t = texts(doc);
    for (const heading of ['主动公开', '依申请公开', '政策解读', '回应关切', '行政复议', '行政诉讼']) {
      const at = t.indexOf(heading);
      expect(at, heading).toBeGreaterThan(0);
      expect(t[at + 1], heading).toMatch(/^（[条件篇次]）$/);
    }
    // At the table role's size (14 pt) the nine columns stacked these headings two characters a line.
    const size = allLines(doc).find((l) => l.item.line.text === '依申请公开')!.item.line.runs[0]!.size;
    expect(size).toBeLessThan(14);
    expect(size).toBeGreaterThanOrEqual(10.5);
  });

  it('never ends a statistics heading on one character alone: 自然人 whole where its column can widen, else stacked', () => {
    const lone = /^\p{Script=Han}$/u;
    for (const name of ['pingtan-scjgj-2019', 'pingtan-lywtj-2019', 'huaian-shi-2024', 'hongze-qu-2024', 'pingtan-syq-2022', 'shanghai-szfbgt-2025']) {
      const t = texts(compose(fixture(name)));
      // Before: 自然 / 人 in every 2019 and 2021 table 三.
      expect(t, name).not.toContain('自然');
      const at = t.indexOf('自然人');
      if (at < 0) expect(t.slice(t.indexOf('自'), t.indexOf('自') + 3), name).toEqual(['自', '然', '人']);
      // A lone character of a heading is only ever one of a stack.
      for (let k = 1; k < t.length; k++) {
        if (lone.test(t[k]!) && !lone.test(t[k - 1]!) && !lone.test(t[k + 1] ?? '')) expect.fail(`${name}: ${t[k - 1]} / ${t[k]}`);
      }
    }
    // Where the label columns keep their lines at less width (the 2019 reports), the heading is one line.
    expect(texts(compose(fixture('pingtan-scjgj-2019')))).toContain('自然人');
  });

  it('widens a wrapped table label from the columns of labels spanning rows, which keep four characters a line', () => {
    for (const name of ['pingtan-scjgj-2019', 'pingtan-lywtj-2019']) {
      const t = texts(compose(fixture(name)));
      // Before: 2.其他法律行政法规禁止 / 公开 and 3.补正后申请内容仍不 / 明确 beside 三、本年度 / 办理结果, five characters wide.
      for (const label of ['2.其他法律行政法规禁止公开', '1.本机关不掌握相关政府信息', '2.没有现成信息需要另行制作', '3.补正后申请内容仍不明确']) expect(t, name).toContain(label);
      const at = t.indexOf('三、');
      expect(t.slice(at, at + 3), name).toEqual(['三、', '本年度', '办理结果']);
      expect(t, name).toContain('不予公开');
      // A label still too long breaks between words: …确认或重新 / 出具已获取信息, not …重新出 / 具已获取信息.
      const five = t.findIndex((l) => l.startsWith('5.要求行政机关确认或'));
      expect(t.slice(five, five + 2), name).toEqual(['5.要求行政机关确认或重新', '出具已获取信息']);
    }
  });

  it('lets a label spanning rows take as many lines as its rows to keep words and pauses, as a narrow table 三 needs', () => {
    // A large city's table 三: numbers of seven digits leave its label columns three to four characters wide.
    const report = fixture('huaian-shi-2024');
    const values = report.statistics!.values as Record<string, unknown>;
    for (const [key, value] of Object.entries(values)) if (key.startsWith('applications') && typeof value === 'number' && value > 0) values[key] = value * 1000 + 123;
    const t = texts(compose(report));
    const after = (first: string, count: number) => t.slice(t.indexOf(first), t.indexOf(first) + count);
    // Before: （本列数据的勾稽关系为：第一项加第二 / 项之和，…, 三、本年 / 度办理 / 结果, （三）/ 不予公 / 开, （四）/ 无法提 / 供.
    expect(after('（本列数据的勾稽关系为：', 3)).toEqual(['（本列数据的勾稽关系为：', '第一项加第二项之和，', '等于第三项加第四项之和）']);
    expect(after('三、', 4)).toEqual(['三、', '本年度', '办理', '结果']);
    expect(after('（三）', 3)).toEqual(['（三）', '不予', '公开']);
    expect(after('（四）', 3)).toEqual(['（四）', '无法', '提供']);
    expect(after('（六）', 3)).toEqual(['（六）', '其他', '处理']);
    // A label of one row breaks between the words of the statistics tables: …相关 / 政府信息, not …相关政 / 府信息.
    expect(after('1.本机关不掌握相关', 2)).toEqual(['1.本机关不掌握相关', '政府信息']);
  });

  it('wraps the names of platforms and offices between words: 微信 / 公众号, 市民政局 / 信息中心', () => {
    const report = base();
    report.sections.otherMatters!.blocks.push({
      type: 'table',
      title: '2023年政务新媒体信息发布情况',
      header: [['平台名称', '类型', '主办单位', '发布信息（条）', '原创信息（条）', '转载信息（条）', '阅读量（万次）', '粉丝数（万）']],
      rows: [
        ['临沂民政', '微信公众号', '市民政局办公室', '1,258', '846', '412', '325.6', '12.8'],
        ['临沂市民政局网站', '门户网站', '市民政局信息中心', '3,412', '2,980', '432', '—', '—'],
        ['临沂民政', '抖音号', '市民政局', '126', '126', '0', '1,032.5', '21.4'],
      ],
    });
    const t = texts(compose(report));
    // Before: 微信公 / 众号 and 市民政局信 / 息中心.
    expect(t.slice(t.indexOf('微信'), t.indexOf('微信') + 2)).toEqual(['微信', '公众号']);
    expect(t.indexOf('信息中心')).toBeGreaterThan(0);
    expect(t[t.indexOf('信息中心') - 1]).toBe('市民政局');
  });

  it('sets dates and dashes of a table of its own as values: whole, on one line, centred', () => {
    const report = withLog(
      [
        ['关于某某街道2017年度城市低保资金发放明细的申请', ...LOG_BASIS],
        ['申请公开临沂市养老服务体系建设规划（2016—2020年）全文', ...LOG_URL],
        ['其他', '—', '—', '—'],
      ],
      '依申请公开办理情况',
    );
    const doc = compose(report);
    const t = texts(doc);
    // Before, the date column was left three characters wide: 2017年 / 12月 / 31日, its heading 答复时 / 间.
    for (const whole of ['2017年12月31日', '2017年3月5日', '答复时间']) expect(t, whole).toContain(whole);
    const lines = allLines(doc).map((l) => l.item);
    const date = lines.find((i) => i.line.text === '2017年12月31日')!;
    const dash = lines.filter((i) => i.line.text === '—').pop()!;
    const heading = lines.find((i) => i.line.text === '答复时间')!;
    // Centred in the same column as its heading (to half a point).
    const centre = (i: TextItem) => i.x + i.line.x + i.line.width / 2;
    expect(Math.abs(centre(date) - centre(heading))).toBeLessThan(0.5);
    expect(Math.abs(centre(dash) - centre(heading))).toBeLessThan(0.5);
  });

  it('puts a 2021 statistics table where its block says, and after the part’s text otherwise', () => {
    const report = fixture('huaian-shi-2024') as Report;
    report.sections.applications!.blocks = [{ type: 'paragraph', text: '全年收到申请情况如下表。' }, { type: 'statisticsTable', table: 'applications' }, { type: 'paragraph', text: '以上数据截至年底。' }];
    const t = texts(compose(report));
    const intro = t.indexOf('全年收到申请情况如下表。');
    const after = t.indexOf('以上数据截至年底。');
    const firstRow = t.findIndex((l) => l.startsWith('一、本年新收政府信息公开申请数量'));
    expect(intro).toBeLessThan(firstRow);
    expect(firstRow).toBeLessThan(after);
  });
});

describe('表尾 lines under the appended table', () => {
  it('prints each footer line flush left after the last row, the first on the page of the last rows, in the table size', () => {
    const report = fixture('linyi-minzheng-2017');
    report.statistics!.footer = ['填报单位（盖章）：临沂市民政局办公室', '负责人：张三　　填报人：李四　　填报日期：2018年1月20日'];
    const doc = compose(report);
    const lines = allLines(doc);
    const last = lines.findIndex((l) => l.item.line.text.startsWith('（三）接受培训人员数'));
    const first = lines.findIndex((l) => l.item.line.text === '填报单位（盖章）：临沂市民政局办公室');
    expect(first).toBeGreaterThan(last);
    expect(lines[first]!.page).toBe(lines[last]!.page);
    expect(lines[first + 1]!.item.line.text).toBe('负责人：张三　　填报人：李四　　填报日期：2018年1月20日');
    expect(lines[first]!.item.x).toBe(lines[first + 1]!.item.x);
    const sizeOf = (item: TextItem) => item.line.runs[0]!.size;
    expect(sizeOf(lines[first]!.item)).toBe(sizeOf(lines[last]!.item));
  });

  it('checks footer text like any other (a half-width comma is a warning at its path)', () => {
    const report = fixture('linyi-minzheng-2017');
    report.statistics!.footer = ['填报人:李四'];
    const result = prepareReport(report);
    expect(result.warnings.some((w) => w.path === 'statistics.footer[0]' && w.code === 'halfwidth_punctuation' && w.label === '表尾的一行')).toBe(true);
  });
});
