/**
 * Units that never split, whatever the width they are written in, tried at every position on the line: numbers in
 * full-width digits with their decimal points and time separators, document numbers, @handles and #topics#, phone
 * numbers (only after the hyphen, never starting a line with it), number ranges (only after the dash), straight quotes
 * at line edges, and URL fragments.
 */
import { describe, expect, it } from 'vitest';
import { breakLines, minContentWidth, type BreakOptions } from '../../src/typeset/breakLines.js';
import { FAKE } from '../helpers/fakeFont.js';

/** Lines of `text` after k filler ideographs, on a 10-cell line, for k = 0 … 12, both strategies. */
function everyPosition(text: string, options: Partial<BreakOptions> = {}): string[][] {
  const out: string[][] = [];
  for (const lineBreaking of ['optimal', 'greedy'] as const) {
    for (let k = 0; k <= 12; k++) {
      const lines = breakLines([{ text: '一'.repeat(k) + text, font: FAKE, size: 10 }], { measure: 100, lineBreaking, looseLimit: Infinity, ...options });
      out.push(lines.map((l) => l.text));
    }
  }
  return out;
}

/** Every line break inside `unit` in the given layouts, as "before|after". */
function breaksInside(layouts: string[][], unit: string): string[] {
  const found: string[] = [];
  for (const lines of layouts) {
    const joined = lines.join('|');
    const at = joined.replace(/\|/g, '').indexOf(unit);
    if (at < 0) continue;
    // Position of the unit in the joined text with the breaks, and whether a break falls inside it.
    let plain = 0;
    for (let i = 0; i < joined.length; i++) {
      if (joined[i] === '|') {
        if (plain > at && plain < at + unit.length) found.push(`${joined.slice(Math.max(0, i - 6), i)}|${joined.slice(i + 1, i + 7)}`);
      } else plain++;
    }
  }
  return found;
}

describe('units that never split', () => {
  it.each([
    ['a number in full-width digits with a decimal point', '金额５～２．５万元整', '２．５'],
    ['a time in full-width digits', '时间８:３０～１２:００办公', '１２:００'],
    ['an area code in full-width digits', '电话０５３４－４４６１０２３咨询', '０５３４'],
    ["a document number's year and number", '根据（国办发〔2015〕22号）文件', '〔2015〕22号'],
    ["a document number's issuer", '根据（国办发〔2015〕22号）文件', '国办发'],
    ["a document number's issuer after an introducer", '按照鲁政办字〔2016〕8号要求', '鲁政办字'],
    ['an @handle', '关注“@山东人社”政务微博', '@山东人社'],
    ['a #topic#', '参与#政务公开日#活动', '#政务公开日#'],
    ['a year', '自2017年起', '2017年'],
    ['a decimal number', '增长12.75%以上', '12.75%'],
  ])('keeps %s whole', (_, text, unit) => {
    expect(breaksInside(everyPosition(text), unit)).toEqual([]);
  });

  it('breaks a document number only between its issuer and its year, in justified text, to spare a line set short', () => {
    for (const [text, issuer, rest] of [
      ['根据（国办发〔2015〕22号）文件', '国办发', '〔2015〕22号'],
      ['按照鲁政办字〔2016〕8号要求', '鲁政办字', '〔2016〕8号'],
    ] as const) {
      const splits = breaksInside(everyPosition(text), issuer + rest);
      // Where keeping it whole would leave the line before it short (a 10-cell line), it is parted, and only before 〔.
      expect(splits.length).toBeGreaterThan(0);
      for (const split of splits) expect(split).toMatch(new RegExp(`${issuer}\\|〔`));
      // Flush-left or centred text shows no flaw in a short line: the number stays whole there.
      for (const align of ['left', 'center'] as const) expect(breaksInside(everyPosition(text, { align }), issuer + rest)).toEqual([]);
    }
    // A line that keeps it whole at its natural width is not traded for the break.
    const fits = breakLines([{ text: '依国办发〔2015〕2号执行', font: FAKE, size: 10 }], { measure: 100 });
    expect(fits.map((l) => l.text)).toEqual(['依国办发〔2015〕2号', '执行']);
  });

  it('breaks a phone number only after its hyphen, and never starts a line with the hyphen', () => {
    for (const phone of ['0534-4461023', '０５３４－４４６１０２３']) {
      for (const lines of everyPosition(`电话${phone}。`)) {
        for (let i = 1; i < lines.length; i++) {
          expect(lines[i], lines.join('|')).not.toMatch(/^[-－]/);
          expect(`${lines[i - 1]!.at(-1)}${lines[i]![0]}`, lines.join('|')).not.toMatch(/^[0-9０-９][0-9０-９]$/);
        }
      }
    }
  });

  it('breaks a number range only after its dash or tilde, never before it nor inside either number', () => {
    for (const range of ['1—12', '9:00—11:30', '2021～2025', '1~3', '10–20']) {
      const layouts = everyPosition(`全年${range}月办理`);
      expect(breaksInside(layouts, range).filter((b) => !/[—～~–]\|/.test(b))).toEqual([]);
      // The dash is where the range parts when a line must break inside it.
      for (const lines of layouts) for (const line of lines.slice(1)) expect(line, lines.join('|')).not.toMatch(/^[—～~–]/);
    }
  });

  it('keeps an opening straight quote off a line end and a closing one off a line start', () => {
    for (const lines of everyPosition('出台"创业富民30条"等政策')) {
      for (let i = 1; i < lines.length; i++) {
        // The opening quote is the one before 创, the closing one the one after 条.
        expect(lines[i - 1]!.endsWith('"') && !lines[i - 1]!.endsWith('条"'), lines.join('|')).toBe(false);
        expect(lines[i]!.startsWith('"') && !lines[i]!.startsWith('"创'), lines.join('|')).toBe(false);
      }
    }
  });

  it('never leaves fewer than three characters of a URL on a line, nor breaks inside // or, flush left, after ://', () => {
    for (const lines of everyPosition('网址（http://hbj.rizhao.gov.cn/col/index.html）。', { measure: 150, align: 'left' })) {
      for (let i = 1; i < lines.length; i++) {
        const before = lines[i - 1]!;
        const after = lines[i]!;
        expect(`${before}|${after}`).not.toMatch(/\/\|\/|:\/\/\||\|\/\/|\|cn）|\|\)/);
        // A URL fragment of one or two characters alone before a closing bracket.
        expect(after, lines.join('|')).not.toMatch(/^[a-z]{1,2}[）)]/);
      }
    }
  });
});

describe('a percent-encoded URL', () => {
  it('breaks between its bytes, before a %, and nowhere inside a byte, where it used to need emergency breaks', () => {
    const url = 'https://baike.example.cn/wiki/%E5%B1%B1%E8%A5%BF%E7%9C%81%E4%BA%A4%E9%80%9A%E8%BF%90%E8%BE%93%E5%8E%85';
    for (const lineBreaking of ['optimal', 'greedy'] as const) {
      const lines = breakLines([{ text: `详见${url}。`, font: FAKE, size: 10 }], { measure: 200, lineBreaking, looseLimit: Infinity }).map((l) => l.text);
      expect(lines.join('')).toBe(`详见${url}。`);
      for (const line of lines.slice(1)) expect(line, lines.join(' | ')).toMatch(/^(%|\.|\/|。$)|^[a-z]/);
      // Never inside a byte: no line ends with % or with % and one hex digit.
      for (const line of lines.slice(0, -1)) expect(line, lines.join(' | ')).not.toMatch(/%[0-9A-F]?$/);
      expect(lines.length).toBeGreaterThanOrEqual(3);
    }
  });
});

describe('min-content width', () => {
  const run = (text: string) => [{ text, font: FAKE, size: 10 }];
  const width = (text: string) => minContentWidth(run(text), { measure: 1000 });

  it('is the widest piece between places a line may break, so that a measure that wide never splits a unit', () => {
    // Ideographs break anywhere: one character (10 pt).
    expect(width('政府信息公开')).toBe(10);
    // A document number with its issuer, a number with its date unit, a bracketed word: each one piece.
    const doc = width('临政办发〔2017〕12号');
    expect(doc).toBeGreaterThan(60);
    for (const measure of [doc, doc + 5]) {
      const lines = breakLines(run('备注：临政办发〔2017〕12号'), { measure, align: 'left' });
      expect(lines.map((l) => l.text)).toContain('临政办发〔2017〕12号');
    }
    expect(width('发布信息（条）')).toBeGreaterThanOrEqual(20);
    // Narrower than the piece, the breaker has to split it (an emergency break).
    const squeezed = breakLines(run('临政办发〔2017〕12号'), { measure: doc - 10, align: 'left' });
    expect(squeezed.length).toBeGreaterThan(1);
  });
});
