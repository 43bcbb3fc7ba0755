/**
 * One describe per rule of the line breaker, on short crafted strings with the fake font.
 *
 * Grid used throughout unless a test says otherwise: size 10 pt, cellEm 1, measure 100 pt, so a line holds
 * 10 cells; a wide character (ideograph, full-width mark, “ ” — …) is 1 cell = 10 pt, a Latin letter or digit
 * (and a half-width mark) 5 pt, a space 2.5 pt. The default maxSqueeze 0.1 em is 1 pt per gap.
 */
import { describe, expect, it } from 'vitest';
import { breakLines, type BreakOptions, type Line, type TextRun } from '../../src/typeset/breakLines.js';
import { FAKE, fakeFont } from '../helpers/fakeFont.js';

const SIZE = 10;
const MEASURE = 100;

/**
 * On a 10-cell line, pushing a character out often needs 0.125 em per gap, more than the 0.095 em a justified line may
 * take on a report's 28-cell line: the rules here are tested without that limit (its own tests set it).
 */
function lay(text: string, options: Partial<BreakOptions> = {}): Line[] {
  return breakLines([{ text, font: FAKE, size: SIZE }], { measure: MEASURE, looseLimit: Infinity, ...options });
}

function texts(text: string, options: Partial<BreakOptions> = {}): string[] {
  return lay(text, options).map((l) => l.text);
}

/** x of every code point of a line, across its glyph runs. */
function xs(line: Line): number[] {
  return line.runs.flatMap((r) => [...r.x]);
}

/** Right edge of a line's ink. */
const right = (l: Line) => l.x + l.width;

describe('the loose limit', () => {
  it('stretches no gap of a justified line by 0.095 em or more by default: a line that needs more stops short', () => {
    // 一…九 (90 pt) needs 10 pt over 8 gaps = 1.25 pt = 0.125 em: it takes 0.95 pt per gap and ends 2.4 pt short.
    const [line] = breakLines([{ text: '一二三四五六七八九hello', font: FAKE, size: SIZE }], { measure: MEASURE });
    expect(line!.text).toBe('一二三四五六七八九');
    expect(line!.spacing).toBeCloseTo(0.95, 9);
    expect(right(line!)).toBeCloseTo(90 + 8 * 0.95, 9);
  });

  it('prefers filling lines within the limit to leaving one short', () => {
    // Total fit takes 十 onto a squeezed first line rather than leave 一…九 short.
    const text = `一二三四五六七八九十。${'二'.repeat(12)}`;
    const lines = breakLines([{ text, font: FAKE, size: SIZE }], { measure: MEASURE });
    for (const l of lines.slice(0, -1)) expect(right(l)).toBeCloseTo(MEASURE, 9);
  });

  it('does not limit 均排', () => {
    const [line] = breakLines([{ text: '一二三', font: FAKE, size: SIZE }], { measure: MEASURE, align: 'distribute' });
    expect(right(line!)).toBeCloseTo(MEASURE, 9);
  });
});

describe('justification', () => {
  it('sets a full line of ideographs without extra space and the last line at natural width', () => {
    const lines = lay('一二三四五六七八九十一二三');
    expect(lines.map((l) => l.text)).toEqual(['一二三四五六七八九十', '一二三']);
    expect(lines[0]).toMatchObject({ x: 0, width: 100, spacing: 0, last: false });
    expect(lines[1]).toMatchObject({ x: 0, width: 30, spacing: 0, last: true });
  });

  it('spreads the remaining space evenly over the gaps between characters', () => {
    const lines = lay('一二三四五六七八九hello');
    expect(lines.map((l) => l.text)).toEqual(['一二三四五六七八九', 'hello']);
    // 9 ideographs = 90 pt, 8 gaps share 10 pt.
    expect(lines[0]!.spacing).toBeCloseTo(1.25, 9);
    expect(xs(lines[0]!)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8].map((i) => expect.closeTo(i * 11.25, 9)));
    expect(right(lines[0]!)).toBeCloseTo(MEASURE, 9);
  });

  it('never puts extra space inside a Latin word or a number', () => {
    // 一二 (20) abc (15) 三…八 (60) = 95 pt; gaps: 一|二 二|a c|三 三|四 四|五 五|六 六|七 七|八 = 8, not a|b b|c.
    const lines = lay('一二abc三四五六七八九十');
    expect(lines.map((l) => l.text)).toEqual(['一二abc三四五六七八', '九十']);
    const l = lines[0]!;
    expect(l.spacing).toBeCloseTo(5 / 8, 9);
    const x = xs(l);
    expect(x[3]! - x[2]!).toBeCloseTo(5, 9); // a → b
    expect(x[4]! - x[3]!).toBeCloseTo(5, 9); // b → c
    expect(x[2]! - x[1]!).toBeCloseTo(10 + 5 / 8, 9); // 二 → a
    expect(right(l)).toBeCloseTo(MEASURE, 9);
  });

  it('lets the space after a word hang past the measure', () => {
    const lines = lay('一二三四五六七八九十 abc');
    expect(lines.map((l) => l.text)).toEqual(['一二三四五六七八九十 ', 'abc']);
    expect(lines[0]!.width).toBeCloseTo(100, 9);
  });

  it('keeps —— and …… whole and never stretches inside them', () => {
    // 一…六 —— 七 = 9 cells, 2017年 is pushed out; 7 gaps (none between the dashes) share 10 pt.
    for (const d of ['——', '……']) {
      const lines = lay(`一二三四五六${d}七2017年`);
      expect(lines.map((l) => l.text)).toEqual([`一二三四五六${d}七`, '2017年']);
      const x = xs(lines[0]!);
      expect(lines[0]!.spacing).toBeCloseTo(10 / 7, 9);
      expect(x[7]! - x[6]!).toBeCloseTo(10, 9);
      expect(x[8]! - x[7]!).toBeCloseTo(10 + 10 / 7, 9);
    }
  });
});

describe('line-start and line-end prohibitions', () => {
  const CLOSING = [...'，。、；：？！）》」』】〉〕”’%‰℃,.;:?!)]'];
  const OPENING = [...'（《「『【〈〔“‘(['];

  it.each(CLOSING)('pushes %s in when one gap of 0.1 em or less per gap is enough', (m) => {
    // 一…十 fill the line; the mark overflows by 10 pt (full-width) or 5 pt (half-width) over 10 gaps.
    const lines = lay(`一二三四五六七八九十${m}一二三`);
    expect(lines.map((l) => l.text)).toEqual([`一二三四五六七八九十${m}`, '一二三']);
    expect(lines[0]!.spacing).toBeLessThan(0);
    expect(right(lines[0]!)).toBeCloseTo(MEASURE, 9);
  });

  it.each(CLOSING)('pushes the character before %s out when squeezing is not allowed', (m) => {
    const lines = lay(`一二三四五六七八九十${m}一二三`, { maxSqueeze: 0 });
    expect(lines.map((l) => l.text)).toEqual(['一二三四五六七八九', `十${m}一二三`]);
    expect(right(lines[0]!)).toBeCloseTo(MEASURE, 9);
  });

  it('pushes two marks in by setting them at half width and squeezing the rest (optimal)', () => {
    // 十。” overflows by 20 pt: 。 and ” give up their blank halves (10 pt), 10 pt over 11 gaps is within maxSqueeze.
    const lines = lay('一二三四五六七八九十。”二三');
    expect(lines.map((l) => l.text)).toEqual(['一二三四五六七八九十。”', '二三']);
    expect(lines[0]!.spacing).toBeCloseTo(-10 / 11, 9);
    expect(right(lines[0]!)).toBeCloseTo(MEASURE, 9);
  });

  it('pushes out when the squeeze per gap would exceed the stretch of pushing out (greedy)', () => {
    // Greedy compares one line only: 10 pt over 11 gaps (push-in) against 10 pt over 8 gaps (push-out).
    expect(texts('一二三四五六七八九十。”二三', { lineBreaking: 'greedy', maxSqueeze: 0.05 })).toEqual(['一二三四五六七八九', '十。”二三']);
  });

  it('pushes in when that needs less adjustment than pushing out', () => {
    // push-in: 10 pt over 10 gaps = 1 pt; push-out: 10 pt over 8 gaps = 1.25 pt.
    expect(texts('一二三四五六七八九十。二三', { maxSqueeze: 0.2 })).toEqual(['一二三四五六七八九十。', '二三']);
  });

  it('pushes out when that needs less adjustment than pushing in (greedy)', () => {
    // push-in: a。” overflows by 15 pt, 10 pt of it from the blank halves, 5 pt over 10 gaps = 0.5 pt; push-out: 10 pt over 8 gaps.
    expect(texts('一二三四五六七八九a。”二三', { maxSqueeze: 0.2, lineBreaking: 'greedy' })).toEqual(['一二三四五六七八九a。”', '二三']);
  });

  it.each(OPENING)('never ends a line with %s', (m) => {
    const closing = m === '(' ? ')' : m === '[' ? ']' : '';
    const lines = texts(`一二三四五六七八九${m}十${closing}一二`);
    expect(lines).toEqual(['一二三四五六七八九', `${m}十${closing}一二`]);
  });

  it.each(['optimal', 'greedy'] as const)('lets a line start with a prohibited mark when the line holds nothing else (%s)', (lineBreaking) => {
    const lines = texts('。'.repeat(60), { lineBreaking });
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join('')).toBe('。'.repeat(60));
  });

  // Regression (fixed): a space before a closing mark opens a break opportunity before the mark (breakAllowed returns true
  // after any space), so a line starts with 。.
  it.each(['optimal', 'greedy'] as const)('does not start a line with a closing mark that follows a space (%s)', (lineBreaking) => {
    const lines = texts('一二三四五六七八九十 。一二', { lineBreaking });
    expect(lines.slice(1).filter((t) => t.startsWith('。') || t.startsWith(' '))).toEqual([]);
    expect(lines.join('')).toBe('一二三四五六七八九十 。一二');
  });

  // Regression (fixed): a space after an opening mark opens a break opportunity after the space, so a line ends with “.
  it('does not end a line with an opening mark that precedes a space', () => {
    expect(texts('一二三四五六七八九“ 十一二')).toEqual(['一二三四五六七八九', '“ 十一二']);
  });
});

describe('strictness', () => {
  it.each(['gb', 'strict'] as const)('keeps the middle dot · off a line start (%s)', (strictness) => {
    expect(texts('一二三四五六七八九十·一二', { strictness })).toEqual(['一二三四五六七八九十·', '一二']);
  });

  it.each(['——', '……'])('gb lets %s start a line, strict keeps it off a line start', (d) => {
    expect(texts(`一二三四五六七八九${d}十一二`)).toEqual(['一二三四五六七八九', `${d}十一二`]);
    // strict: 九${d} is one unit of 3 cells; squeezing it in needs 10 pt over 9 gaps > 1 pt.
    expect(texts(`一二三四五六七八九${d}十一二`, { strictness: 'strict' })).toEqual(['一二三四五六七八', `九${d}十一二`]);
  });

  it.each(['basic', 'gb', 'strict'] as const)('never splits —— or …… (%s)', (strictness) => {
    expect(texts('一二三四五六七八九十——一二', { strictness })[1]).toMatch(/^(十)?——/);
    expect(texts('一二三四五六七八——九十一', { strictness })).toEqual(['一二三四五六七八——', '九十一']);
    expect(texts('一二三四五六七八九……十一二', { strictness }).join('|')).not.toMatch(/…\|…/);
  });
});

describe('numbers with their units and other unbreakable tokens', () => {
  describe.each(['optimal', 'greedy'] as const)('%s', (lineBreaking) => {
    it.each([
      // Dates and years never leave their number (GB/T 15835): 2017 | 年 would leave 一…八 loose, and that is what happens.
      ['一二三四五六七八2017年度一二', ['一二三四五六七八', '2017年度一二']],
      ['一二三四五六七八九2017年一二', ['一二三四五六七八九', '2017年一二']],
      ['一二三四五六七八276000九十', ['一二三四五六七八', '276000九十']],
      ['一二三四五六七八126.com九十', ['一二三四五六七八', '126.com九十']],
      ['一二三四五六七八hello九十', ['一二三四五六七八', 'hello九十']],
      ['一二三四五六七八九4000多件一二', ['一二三四五六七八九', '4000多件一二']],
      // A measure word may leave its number at a cost (393 | 条) rather than leave a line 0.29 em loose.
      ['一二三四五六七八393条一二', ['一二三四五六七八393', '条一二']],
      ['一二三四五六七八九2万元一二', ['一二三四五六七八九2', '万元一二']],
      // A phone number may break after its hyphen, at a higher cost.
      ['一二三四五六七0539-7200966一二', ['一二三四五六七0539-', '7200966一二']],
    ])('%s', (text, expected) => {
      expect(texts(text, { lineBreaking })).toEqual(expected);
    });
  });

  it('keeps a measure word with its number when pushing the number out leaves no loose line', () => {
    // On a 30-cell line with a comma to compress, 393条 moves down whole: the comma gives up half a cell.
    const text = `${'一'.repeat(14)}，${'二'.repeat(12)}393条三四五`;
    const lines = lay(text, { measure: 300 });
    expect(lines.join('|')).not.toMatch(/393\|/);
    expect(lines.map((l) => l.text).join('')).toBe(text);
  });

  it('never breaks a phone number anywhere but after its hyphen, nor starts a line with a hyphen', () => {
    for (const phone of ['0539-7200966', '０５３４－４４６１０２３']) {
      for (let k = 0; k < 12; k++) {
        const lines = texts(`${'一'.repeat(k)}电话${phone}。`);
        for (let i = 1; i < lines.length; i++) {
          expect(lines[i], lines.join('|')).not.toMatch(/^[-－]/);
          expect(`${lines[i - 1]!.at(-1)}${lines[i]![0]}`, lines.join('|')).not.toMatch(/^[0-9０-９][0-9０-９]$/);
        }
      }
    }
  });

  // Regression (fixed): bindNumberUnits and the number clusters only know ASCII digits; a number in full-width digits (０-９,
  // wide characters) breaks between any two digits and from its unit: 一…八２ | ０１７年.
  it('keeps a number in full-width digits whole with its unit', () => {
    expect(texts('一二三四五六七八２０１７年')).toEqual(['一二三四五六七八', '２０１７年']);
    expect(texts('一二三四五六七八５０％的')).toEqual(['一二三四五六七八', '５０％的']);
  });

  it('keeps 50% whole: pushes % in, or the whole number out', () => {
    // 一…九 50 = 100 pt, % overflows by 5 pt over 9 gaps (none inside 50%).
    expect(texts('一二三四五六七八九50%的一二')).toEqual(['一二三四五六七八九50%', '的一二']);
    expect(texts('一二三四五六七八九50%的一二', { maxSqueeze: 0 })).toEqual(['一二三四五六七八九', '50%的一二']);
  });
});

describe('URLs and e-mail addresses', () => {
  it('breaks a URL longer than the remaining space after / or before . only, never inside the prefix', () => {
    expect(texts('查阅(http://mzj.linyi.gov.cn/info/1040/3628.htm)。如对本报告')).toEqual([
      '查阅(http://mzj',
      '.linyi.gov.cn/info/',
      '1040/3628.htm)。如对',
      '本报告',
    ]);
  });

  it('breaks an e-mail address before @ or ., leaving three characters or more on each side', () => {
    expect(texts('邮箱lyminzhengju@126.com。')).toEqual(['邮箱lyminzhengju@126', '.com。']);
    for (let k = 0; k < 16; k++) {
      const lines = texts(`${'一'.repeat(k)}邮箱ab@cd.org。`);
      for (let i = 1; i < lines.length; i++) expect(lines[i], lines.join('|')).not.toMatch(/^(@|d|cd|org|rg|g)/);
    }
  });

  it('keeps a URL that fits on the line whole', () => {
    expect(texts('网站www.gov.cn。一二')).toEqual(['网站www.gov.cn。一二']);
  });

  // Regression (fixed): splitInside takes a URL break after / even when the next character may not start a line,
  // so the next line starts with ")。".
  it.each(['optimal', 'greedy'] as const)('does not break a URL before a closing bracket or inside //, nor flush left after :// (%s)', (lineBreaking) => {
    for (let k = 0; k < 12; k++) {
      const text = `${'一'.repeat(k)}(http://abcdef/gh/)。`;
      const lines = texts(text, { lineBreaking, align: 'left' });
      expect(lines.join(''), lines.join('|')).toBe(text);
      for (let i = 1; i < lines.length; i++) expect(lines[i], lines.join('|')).not.toMatch(/^(\)|\/|abcdef)/);
      for (const line of texts(text, { lineBreaking })) expect(line, lines.join('|')).not.toMatch(/^(\)|\/)/);
    }
  });

  it.each(['optimal', 'greedy'] as const)('breaks a justified line after a URL\'s scheme only to spare it ending short (%s)', (lineBreaking) => {
    let taken = 0;
    for (let k = 0; k < 12; k++) {
      const text = `${'一'.repeat(k)}(http://abcdef/gh/)。一二三四五`;
      const justified = lay(text, { lineBreaking });
      const at = justified.findIndex((l) => l.text.endsWith('://'));
      if (at < 0) continue;
      taken++;
      // The line it ends is set flush; without that break (flush left, where none is allowed) the same line ends short.
      expect(right(justified[at]!), justified.map((l) => l.text).join('|')).toBeCloseTo(MEASURE, 6);
      const ragged = lay(text, { lineBreaking, align: 'left' });
      expect(MEASURE - right(ragged[at]!), ragged.map((l) => l.text).join('|')).toBeGreaterThan(SIZE);
    }
    // Where the host and the first path segment do not fit after the filler (k = 3 … 6 of 10 cells), the break is taken.
    expect(taken).toBeGreaterThanOrEqual(3);
  });

  it('splits an unbreakable run of letters (emergency) without looping', () => {
    const long = 'a'.repeat(5000);
    const lines = lay(long);
    expect(lines).toHaveLength(250);
    expect(lines.every((l) => l.text === 'a'.repeat(20) && right(l) <= MEASURE + 0.01)).toBe(true);
    // One forced break is needed either way; total fit spends it without leaving 一 alone on a line.
    expect(texts(`一${'a'.repeat(30)}`)).toEqual([`一${'a'.repeat(18)}`, 'a'.repeat(12)]);
    expect(texts(`一${'a'.repeat(30)}`, { lineBreaking: 'greedy' })).toEqual(['一', 'a'.repeat(20), 'a'.repeat(10)]);
  });
});

describe('lonely last line (孤字不成行)', () => {
  it.each([
    ['一二三四五六七八九十一', ['一二三四五六七八九', '十一']],
    ['一二三四五六七八九十一。', ['一二三四五六七八九', '十一。']],
    ['一二三四五六七八九十“一”', ['一二三四五六七八九', '十“一”']],
    // The line before was pushed in (十。): the whole unit comes down.
    ['一二三四五六七八九十。一', ['一二三四五六七八九', '十。一']],
  ])('%s takes a character from the line before', (text, expected) => {
    const lines = lay(text);
    expect(lines.map((l) => l.text)).toEqual(expected);
    expect(lines[0]!.spacing).toBeCloseTo(1.25, 9);
    expect(right(lines[0]!)).toBeCloseTo(MEASURE, 9);
  });

  // Regression (fixed): avoidLonelyLastLine pulls down only the last cluster of the line before; when that is —— (or ……) the
  // last line ——九。 still holds a single ideograph.
  it('takes an ideograph, not only a dash, from the line before', () => {
    // On a 28-cell line pulling 八——九。 down costs 3 cells over 24 gaps.
    const text = `${'一'.repeat(26)}八——九。`;
    for (const lineBreaking of ['optimal', 'greedy'] as const) {
      expect(texts(text, { lineBreaking, measure: 280 })).toEqual(['一'.repeat(26), '八——九。']);
    }
    expect(texts('一二三四五六七八——九。', { lineBreaking: 'greedy' })).toEqual(['一二三四五六七', '八——九。']);
  });

  it('leaves a last line of two ideographs or of Latin text alone', () => {
    expect(texts('一二三四五六七八九十一二')).toEqual(['一二三四五六七八九十', '一二']);
    expect(texts('一二三四五六七八九十ab')).toEqual(['一二三四五六七八九十', 'ab']);
  });

  it('can be turned off', () => {
    expect(texts('一二三四五六七八九十一', { avoidLonelyLastLine: false })).toEqual(['一二三四五六七八九十', '一']);
  });

  it('measures the new last line against restIndent', () => {
    // Lines of 10, 8, 8 cells and a lonely 七, which takes 六 from the line before (greedy), or spreads the loss (optimal).
    const text = '一二三四五六七八九十一二三四五六七八九十一二三四五六七';
    const greedy = lay(text, { restIndent: 20, lineBreaking: 'greedy' });
    expect(greedy.map((l) => l.text)).toEqual(['一二三四五六七八九十', '一二三四五六七八', '九十一二三四五', '六七']);
    expect(greedy.map((l) => l.x)).toEqual([0, 20, 20, 20]);
    expect(right(greedy[2]!)).toBeCloseTo(MEASURE, 9);
    const optimal = lay(text, { restIndent: 20 });
    expect(optimal.at(-1)!.text).toHaveLength(2);
    expect(optimal.slice(1).map((l) => l.x)).toEqual(optimal.slice(1).map(() => 20));
    for (const l of optimal.slice(0, -1)) expect(right(l)).toBeCloseTo(MEASURE, 9);
  });
});

describe('indent and restIndent', () => {
  const text = '一二三四五六七八九十一二三四五六七八九十';

  it('indents the first line', () => {
    const lines = lay(text, { indent: 20 });
    expect(lines.map((l) => l.text)).toEqual(['一二三四五六七八', '九十一二三四五六七八', '九十']);
    expect(lines.map((l) => l.x)).toEqual([20, 0, 0]);
    expect(right(lines[0]!)).toBeCloseTo(MEASURE, 9);
    expect(xs(lines[0]!)[0]).toBe(20);
  });

  it('indents the other lines (hanging indent)', () => {
    const lines = lay(text, { restIndent: 20 });
    expect(lines.map((l) => l.text)).toEqual(['一二三四五六七八九十', '一二三四五六七八', '九十']);
    expect(lines.map((l) => l.x)).toEqual([0, 20, 20]);
    expect(right(lines[1]!)).toBeCloseTo(MEASURE, 9);
  });
});

describe('alignment', () => {
  it.each([
    ['left', 0],
    ['center', 35],
    ['right', 70],
    ['justify', 0],
  ] as const)('places a short line %s', (align, x) => {
    const [line] = lay('一二三', { align });
    expect(line).toMatchObject({ x, width: 30, spacing: 0, last: true });
    expect(xs(line!)).toEqual([x, x + 10, x + 20]);
  });

  it('centres within the indented measure', () => {
    expect(lay('一二三', { align: 'center', indent: 20 })[0]!.x).toBe(45);
    expect(lay('一二三', { align: 'right', indent: 20 })[0]!.x).toBe(70);
  });

  it('sets every line of a ragged paragraph at natural spacing', () => {
    const lines = lay('一二三四五六七八九hello', { align: 'left' });
    expect(lines.map((l) => l.text)).toEqual(['一二三四五六七八九', 'hello']);
    expect(lines.map((l) => l.spacing)).toEqual([0, 0]);
    expect(lines[0]!.width).toBe(90);
    expect(lay('一二三四五六七八九hello', { align: 'right' })[0]!.x).toBe(10);
    expect(lay('一二三四五六七八九hello', { align: 'center' })[0]!.x).toBe(5);
  });

  it('distributes (均排) every line flush to both edges, the last one too', () => {
    const [one] = lay('一二三', { align: 'distribute' });
    expect(one).toMatchObject({ x: 0, width: 100, spacing: 35, last: true });
    expect(xs(one!)).toEqual([0, 45, 90]);
    const lines = lay('一二三四五六七八九十一二三', { align: 'distribute' });
    expect(lines.map((l) => l.text)).toEqual(['一二三四五六七八九十', '一二三']);
    expect(lines.map((l) => right(l))).toEqual([100, 100]);
    // A pushed-in last line is shrunk like any other: 。 at half width, 5 pt over 10 gaps.
    const [pushed] = lay('一二三四五六七八九十。', { align: 'distribute' });
    expect(pushed!.spacing).toBeCloseTo(-0.5, 9);
    expect(right(pushed!)).toBeCloseTo(MEASURE, 9);
  });

  // Regression (fixed): a pushed-in line is only squeezed when justified (place() sets spacing only for justify), so in a
  // left, centred or right-aligned paragraph it is 110 pt wide on a 100 pt measure (x = -5 centred, -10 right).
  it.each(['left', 'center', 'right'] as const)('does not let a pushed-in line overflow the measure (%s)', (align) => {
    const lines = lay('一二三四五六七八九十。二三', { align });
    expect(lines.map((l) => l.text)).toEqual(['一二三四五六七八九十。', '二三']);
    expect(lines[0]!.x).toBeGreaterThanOrEqual(-0.01);
    expect(right(lines[0]!)).toBeLessThanOrEqual(MEASURE + 0.01);
  });

  // Regression (fixed): when the push-in happens on the paragraph's last line, place() sets the last line at natural
  // spacing, so the line is 110 pt wide on a 100 pt measure.
  it('does not let a pushed-in last line overflow the measure', () => {
    const lines = lay('一二三四五六七八九十。');
    expect(lines.map((l) => l.text)).toEqual(['一二三四五六七八九十。']);
    expect(right(lines[0]!)).toBeLessThanOrEqual(MEASURE + 0.01);
  });
});

describe('compressPunctuation', () => {
  it('sets a mark with a blank right half at half width before another mark', () => {
    const lines = lay('一二三四五六（七）。”八九十', { compressPunctuation: true });
    expect(lines.map((l) => l.text)).toEqual(['一二三四五六（七）。”', '八九十']);
    // ） and 。 are half width: 6 + 1 + 1 + 0.5 + 0.5 + 1 = 10 cells, no squeeze needed.
    expect(lines[0]!.spacing).toBe(0);
    expect(xs(lines[0]!)).toEqual([0, 10, 20, 30, 40, 50, 60, 70, 80, 85, 90]);
  });

  it('without the option the line that needs it is shrunk by the same marks (标点挤压 as shrink)', () => {
    const lines = lay('一二三四五六（七）。”八九十');
    expect(lines.map((l) => l.text)).toEqual(['一二三四五六（七）。”', '八九十']);
    expect(lines[0]!.spacing).toBe(0);
    expect(right(lines[0]!)).toBeCloseTo(MEASURE, 9);
  });

  it('compresses adjacent marks even where the line does not need it', () => {
    expect(xs(lay('一（二）。三', { compressPunctuation: true })[0]!)).toEqual([0, 10, 20, 30, 35, 45]);
    expect(xs(lay('一（二）。三')[0]!)).toEqual([0, 10, 20, 30, 40, 50]);
  });

  it('does not compress a mark before an ideograph', () => {
    expect(xs(lay('一。二', { compressPunctuation: true })[0]!)).toEqual([0, 10, 20]);
  });
});

describe('latinGap', () => {
  it('adds the gap between ideographs and Latin letters or digits', () => {
    const [line] = lay('中文ABC中文', { latinGap: 0.25 });
    expect(xs(line!)).toEqual([0, 10, 22.5, 27.5, 32.5, 40, 50]);
    expect(line!.width).toBe(60);
  });

  it('adds no gap next to Chinese punctuation', () => {
    expect(xs(lay('中，A。', { latinGap: 0.25 })[0]!)).toEqual([0, 10, 20, 25]);
  });

  // Regression (fixed): the gap is added to the advance of the character before the Latin text even when the line breaks
  // there, so 十 + gap (12.5 pt) no longer fits and is pushed to the next line.
  it('adds no gap at a line end', () => {
    const lines = lay('一二三四五六七八九十abcd', { latinGap: 0.25 });
    expect(lines.map((l) => l.text)).toEqual(['一二三四五六七八九十', 'abcd']);
  });
});

describe('mixed runs', () => {
  const other = fakeFont({ secondFace: '中' });

  it('positions runs of different fonts and sizes continuously and splits glyph runs by face', () => {
    const runs: TextRun[] = [
      { text: '中文', font: FAKE, size: 10 },
      { text: 'AB中', font: other, size: 20 },
    ];
    const [line] = breakLines(runs, { measure: 100 });
    expect(line).toMatchObject({ text: '中文AB中', start: 0, end: 5, x: 0, width: 60, last: true });
    expect(line!.runs.map((r) => ({ run: r.run, face: r.face, size: r.size, text: r.text, x: r.x }))).toEqual([
      { run: 0, face: 0, size: 10, text: '中文', x: [0, 10] },
      { run: 1, face: 0, size: 20, text: 'AB', x: [20, 30] },
      { run: 1, face: 1, size: 20, text: '中', x: [40] },
    ]);
    expect(line!.runs[2]!.font).toBe(other);
  });

  it('breaks across runs and keeps offsets in the joined text', () => {
    const runs: TextRun[] = [
      { text: '一二三四五六', font: FAKE, size: 10 },
      { text: '七八九十一二', font: other, size: 10 },
    ];
    const lines = breakLines(runs, { measure: 100 });
    expect(lines.map((l) => [l.text, l.start, l.end])).toEqual([
      ['一二三四五六七八九十', 0, 10],
      ['一二', 10, 12],
    ]);
    expect(lines[0]!.runs.map((r) => [r.run, r.text, r.x])).toEqual([
      [0, '一二三四五六', [0, 10, 20, 30, 40, 50]],
      [1, '七八九十', [60, 70, 80, 90]],
    ]);
    expect(lines[1]!.runs.map((r) => [r.run, r.text])).toEqual([[1, '一二']]);
  });

  it('splits a run by face within one font', () => {
    const [line] = breakLines([{ text: '中ABC中', font: fakeFont({ secondFace: 'ABC' }), size: 10 }], { measure: 100 });
    expect(line!.runs.map((r) => [r.face, r.text, r.x])).toEqual([
      [0, '中', [0]],
      [1, 'ABC', [10, 15, 20]],
      [0, '中', [25]],
    ]);
  });

  it("keeps a paragraph's glyph data in one array, and gives each run's lists as copies of its part", () => {
    const runs: TextRun[] = [
      { text: '一二三四五六', font: FAKE, size: 10 },
      { text: 'AB七八九十一二', font: other, size: 10 },
    ];
    const lines = breakLines(runs, { measure: 100 });
    const all = lines.flatMap((l) => l.runs);
    expect(all.length).toBeGreaterThan(2);
    const data = all[0]!.data;
    for (const r of all) {
      // One array for the paragraph: four numbers a code point, each run at its own place.
      expect(r.data).toBe(data);
      expect(r.length).toBe([...r.text].length);
      expect(r.glyphs).toEqual([...r.text].map((c) => c.codePointAt(0))); // the fake font's glyph ids are the code points
      expect(r.widths.length).toBe(r.length);
      expect(r.x).toEqual(Array.from(data.subarray(r.at, r.at + r.length)));
    }
    expect(data.length).toBe(4 * [...lines.map((l) => l.text).join('')].length);
    // A copy: changing it changes nothing of the line.
    const x = all[1]!.x as number[];
    x[0] = -1;
    expect(all[1]!.x[0]).not.toBe(-1);
  });

  it('scales the grid cell with the size of each run', () => {
    const runs: TextRun[] = [
      { text: '一二', font: FAKE, size: 10 },
      { text: '三四', font: FAKE, size: 20 },
    ];
    const [line] = breakLines(runs, { measure: 200, cellEm: 1.5 });
    expect(line!.runs.flatMap((r) => r.x)).toEqual([0, 15, 30, 60]);
    expect(line!.width).toBe(90);
  });

  it('counts UTF-16 offsets for characters outside the BMP', () => {
    const lines = lay('𠀀'.repeat(11));
    expect(lines.map((l) => [l.start, l.end])).toEqual([
      [0, 18],
      [18, 22],
    ]);
  });
});

describe('zero-width characters', () => {
  // Regression (fixed): a zero-width character (U+200B, U+FEFF, a combining mark: advance 0 in a real font) gets a stretchable
  // gap on each side, so its neighbours are 2 × spacing apart instead of 1 ×, and a squeezed line moves the next
  // glyph left of it (x decreases). measureChars should give no gap before or after a zero-width character.
  it('puts no extra gap around a zero-width space', () => {
    const [line] = lay('一二三四五\u200b六七八九hello');
    expect(line!.text).toBe('一二三四五\u200b六七八九');
    const x = xs(line!);
    expect(line!.spacing).toBeCloseTo(1.25, 9);
    expect(x[6]! - x[4]!).toBeCloseTo(11.25, 9);
  });

  it('keeps x non-decreasing across a zero-width space on a squeezed line', () => {
    const [line] = lay('一二三四五六七八九\u200b十。二三');
    expect(line!.text).toBe('一二三四五六七八九\u200b十。');
    const x = xs(line!);
    for (let i = 1; i < x.length; i++) expect(x[i]!).toBeGreaterThanOrEqual(x[i - 1]!);
  });

  // Regression (fixed): a line may break before a zero-width character, so 。 after U+200B (or after a combining mark) starts
  // the next line visually: 一…十 | \u200b。二三. A zero-width character should not create a break opportunity
  // before a mark that may not start a line.
  it('does not start a line with a closing mark hidden behind a zero-width space', () => {
    const visible = texts('一二三四五六七八九十\u200b。二三').map((t) => t.replace(/[\u200b\u0300-\u036f]/g, ''));
    expect(visible.slice(1).filter((t) => t.startsWith('。'))).toEqual([]);
  });

  it('does not separate a combining mark from its base', () => {
    const lines = texts('一二三四五六七八九十\u0301。二三');
    expect(lines.slice(1).filter((t) => t.startsWith('\u0301'))).toEqual([]);
  });
});

describe('hostile input', () => {
  it.each([
    ['empty', ''],
    ['only punctuation', '。，、；：？！）》」』】'],
    ['only opening marks', '（（（（（（（（（（（（（（'],
    ['control characters', '\u0000\u0001\t\n\r\u007f中\u200b'],
    ['emoji', '😀👍🏽👨‍👩‍👧中文😀'],
    ['lone surrogates', '\ud800中\udc00a\ud83d'],
    ['only spaces', '          '.repeat(10)],
    ['a long run of spaces inside text', `一${' '.repeat(500)}二`],
  ])('never throws on %s and keeps every character', (_, text) => {
    for (const align of ['justify', 'left', 'center', 'right'] as const) {
      const lines = lay(text, { align, compressPunctuation: true, latinGap: 0.25 });
      expect(lines.map((l) => l.text).join('')).toBe(text);
    }
  });

  it('returns no lines for no runs or empty runs', () => {
    expect(breakLines([], { measure: 100 })).toEqual([]);
    expect(breakLines([{ text: '', font: FAKE, size: 10 }], { measure: 100 })).toEqual([]);
  });

  it.each([0, -50, Number.NaN, Number.POSITIVE_INFINITY, 0.001])('never loops or throws with measure %s', (measure) => {
    const text = '一二三，四五abc 2017年(http://a.cn/b)。';
    const lines = breakLines([{ text, font: FAKE, size: 10 }], { measure, indent: 20 });
    expect(lines.map((l) => l.text).join('')).toBe(text);
  });
});

/**
 * Line-edge levels and punctuation compression as W3C clreq (Requirements for Chinese Text Layout) and GB/T 15834
 * describe them, where the engine once departed from them. These rules are not in the engine's own doc comments;
 * each test was `it.fails` until the engine followed its rule.
 */
describe('clreq and GB/T 15834 (line-edge levels and punctuation compression)', () => {
  // Regression (fixed): isNoLineStart exempted U+00B7 at `basic`; the rules list 间隔号 · among the marks never at a
  // line start at the basic level already.
  it('basic keeps the middle dot · off a line start', () => {
    expect(texts('一二三四五六七八九十·一二', { strictness: 'basic' })).toEqual(['一二三四五六七八九十·', '一二']);
  });

  // Regression (fixed): the 分隔号 ／ was in no list; the rules put it among the marks never at a line start (basic).
  it('keeps the solidus ／ off a line start', () => {
    expect(texts('一二三四五六七八九十／一二', { strictness: 'basic' })).toEqual(['一二三四五六七八九十／', '一二']);
  });

  // Regression (fixed): the gb level is basic plus no solidus at a line end; the engine's gb differed from basic
  // only by the middle dot, and let ／ end a line.
  it('gb keeps the solidus ／ off a line end', () => {
    const lines = texts('一二三四五六七八九／十一二', { strictness: 'gb' });
    expect(lines.slice(0, -1).filter((t) => t.endsWith('／'))).toEqual([]);
  });

  // A common house rule is never to break inside a date; the library follows the stricter reading of the spec
  // instead (a number stays with its unit, and 2017年 may break after 年), because binding whole dates leaves
  // loose lines (a 28-cell line losing six cells to a pushed date). Numbers themselves never split.
  it('may break a date after 年, never inside its numbers', () => {
    expect(texts('一二三四五六七2017年12月31日')).toEqual(['一二三四五六七2017年', '12月31日']);
  });

  // Regression (fixed): compressPunctuation only halves marks with a blank right half; two adjacent opening marks (“《) stay
  // 2 em, where the rules say two adjacent 1-em marks shrink to 1.5 em.
  it('compresses two adjacent opening marks to 1.5 em', () => {
    // 一 “《 二 》” = 1 + 1.5 + 1 + 1.5 cells.
    expect(lay('一“《二》”', { compressPunctuation: true })[0]!.width).toBe(50);
  });
});

describe('breaks avoided at a cost (avoidBreaks)', () => {
  it('moves a break to the edge of a word where the line before can take the room, and breaks inside it otherwise', () => {
    // 十一 is a word. With gaps that may stretch 0.2 em, 一…九 can fill the line: the break moves before 十.
    const text = '一二三四五六七八九十一二';
    expect(texts(text, { maxStretch: 0.2 })).toEqual(['一二三四五六七八九十', '一二']);
    expect(texts(text, { maxStretch: 0.2, avoidBreaks: [[9, 11]] })).toEqual(['一二三四五六七八九', '十一二']);
    // A word longer than the line is broken all the same: a cost, not a rule.
    expect(texts(text, { maxStretch: 0.2, avoidBreaks: [[0, 12]] })).toEqual(['一二三四五六七八九十', '一二']);
  });
});
