/**
 * The line breaker on the real-world text of the seed report, with the real default font (Noto Sans SC via
 * resolveFonts) on the GB/T 9704 grid: 28 characters of 16 pt on a 156 mm line, first lines indented 2 cells.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { resolveFonts } from '../../src/fonts/fontSet.js';
import { breakLines, type BreakOptions, type Line } from '../../src/typeset/breakLines.js';
import type { TextFont } from '../../src/typeset/textFont.js';

/** The published text of the seed report (fixtures/README.md). */
const SEED = fileURLToPath(new URL('../../fixtures/seed/linyi-minzheng-2017.txt', import.meta.url));
const paragraphs = readFileSync(SEED, 'utf8')
  .split('\n')
  .map((p) => p.replace(/\r$/, ''))
  .filter((p) => p.trim() !== '');

const { stack: font, size } = resolveFonts().body;
const MEASURE = (156 * 72) / 25.4;
const CELL = MEASURE / 28;
const OPTIONS: BreakOptions = { measure: MEASURE, cellEm: MEASURE / 28 / size, indent: 2 * CELL };
const EPS = 0.01;

const NO_START = new Set([...'，。、；：？！）》」』】〉〕”’%‰℃,.;:?!)]']);
const NO_END = new Set([...'（《「『【〈〔“‘([']);
const isAlnum = (c: string | undefined) => c !== undefined && /^[A-Za-z0-9]$/.test(c);
const isIdeograph = (c: string) => /^\p{Script=Han}$/u.test(c);
/** Ideographs and full-width punctuation: the characters that sit on the 28-cell grid. */
const isGridChar = (c: string) => /^[\p{Script=Han}\u3001-\u303f\uff01-\uff60“”‘’…—·]$/u.test(c);

const lay = (text: string, options: Partial<BreakOptions> = {}): Line[] => breakLines([{ text, font, size }], { ...OPTIONS, ...options });
const laid = paragraphs.map((p) => ({ p, lines: lay(p) }));

describe('the seed report, paragraph by paragraph', () => {
  it('has text to test', () => {
    expect(paragraphs.length).toBeGreaterThan(200);
    expect(laid.filter((x) => x.lines.length > 2).length).toBeGreaterThanOrEqual(10);
  });

  it('keeps every character exactly once and in order', () => {
    for (const { p, lines } of laid) expect(lines.map((l) => l.text).join('')).toBe(p);
  });

  it('starts no line with a closing mark and ends none with an opening mark', () => {
    const bad: string[] = [];
    for (const { lines } of laid) {
      lines.forEach((l, i) => {
        const chars = [...l.text.replace(/ +$/, '')];
        if (i > 0 && NO_START.has(chars[0]!)) bad.push(`starts: ${l.text}`);
        if (!l.last && NO_END.has(chars.at(-1)!)) bad.push(`ends: ${l.text}`);
      });
    }
    expect(bad).toEqual([]);
  });

  it('splits no number or word (URL and e-mail breaks fall after / . @ only)', () => {
    const bad: string[] = [];
    for (const { lines } of laid) {
      for (let i = 1; i < lines.length; i++) {
        const before = [...lines[i - 1]!.text].at(-1);
        const after = [...lines[i]!.text][0];
        if (isAlnum(before) && isAlnum(after)) bad.push(`${lines[i - 1]!.text} | ${lines[i]!.text}`);
        if (/[0-9%]/.test(before ?? '') && /[年月日条件篇次个元万余多]/.test(after ?? '')) bad.push(`unit: ${lines[i - 1]!.text} | ${lines[i]!.text}`);
        if (!isAlnum(before) && /[./@_-]/.test(before ?? '') && isAlnum(after)) {
          // A URL or e-mail break: the line before must end inside an address.
          expect(lines[i - 1]!.text).toMatch(/(https?:\/\/|www\.|[a-z0-9]@|@)[^\s]*$/i);
        }
      }
    }
    expect(bad).toEqual([]);
  });

  it('breaks the URL and e-mail address of the first paragraph only where allowed', () => {
    const all = laid.flatMap((x) => x.lines.map((l) => l.text)).join('\n');
    // A line break may only follow / . @ inside the address.
    expect(all).toMatch(/\(h\n?ttp:\/\n?\/\n?mzj\.\n?linyi\.\n?gov\.\n?cn\/\n?info\/\n?1040\/\n?3628\.\n?htm\)/);
    expect(all.replace(/(?<=[/.@])\n/g, '')).toContain('(http://mzj.linyi.gov.cn/info/1040/3628.htm)');
    expect(all.replace(/(?<=[.@])\n/g, '').match(/lyminzhengju@126\.com/g)).toHaveLength(2);
    for (const phone of ['0539-7200966', '0539-7200917', '276000', '7200966', '2017年12月31日']) expect(all).toContain(phone);
  });

  it('leaves no lonely last line', () => {
    const bad = laid
      .filter(({ lines }) => lines.length > 1)
      .map(({ lines }) => [...lines.at(-1)!.text])
      .filter((last) => last.filter(isIdeograph).length === 1 && !last.some(isAlnum))
      .map((last) => last.join(''));
    expect(bad).toEqual([]);
  });

  it('sets every line but the last flush to the measure, none wider', () => {
    for (const { lines } of laid) {
      lines.forEach((l, i) => {
        if (l.last) return;
        expect(l.x).toBeCloseTo(i === 0 ? 2 * CELL : 0, 9);
        expect(Math.abs(l.x + l.width - MEASURE)).toBeLessThanOrEqual(EPS);
      });
    }
  });

  it('sets the last line flush left at natural spacing, unless a pushed-in mark makes it squeeze to the measure', () => {
    for (const { lines } of laid) {
      const last = lines.at(-1)!;
      if (last.spacing < 0) expect(last.x + last.width).toBeCloseTo(MEASURE, 2);
      else expect(last.spacing).toBe(0);
      expect(last.x).toBeCloseTo(lines.length === 1 ? 2 * CELL : 0, 9);
    }
  });

  // Regression (fixed): a paragraph whose last line takes its final 。 by push-in keeps that line at natural spacing: the last
  // line of 修改完善了《临沂市民政局政府信息公开保密制度》… is 29 cells (446.65 pt) on a 442.20 pt measure.
  it('sets no last line wider than the measure', () => {
    const bad = laid.map(({ lines }) => lines.at(-1)!).filter((l) => l.x + l.width > MEASURE + EPS);
    expect(bad.map((l) => `${l.text} (${(l.x + l.width).toFixed(2)} pt)`)).toEqual([]);
  });

  it('puts exactly 28 characters (26 on a first line), on the grid, on every non-final line of ideographs only', () => {
    let checked = 0;
    for (const { lines } of laid) {
      lines.forEach((l, i) => {
        const chars = [...l.text];
        if (l.last || !chars.every(isIdeograph)) return;
        checked++;
        expect(chars, l.text).toHaveLength(i === 0 ? 26 : 28);
        expect(Math.abs(l.spacing)).toBeLessThan(1e-9);
        const x = l.runs.flatMap((r) => [...r.x]);
        x.forEach((xk, k) => expect(xk).toBeCloseTo(l.x + k * CELL, 6));
      });
    }
    expect(checked).toBeGreaterThan(0);
  });

  it('keeps most lines of ideographs and full-width marks on the grid, and moves none by 0.1 em per gap or more', () => {
    let grid = 0;
    let onGrid = 0;
    for (const { lines } of laid) {
      for (const l of lines) {
        if (l.last || ![...l.text].every(isGridChar)) continue;
        grid++;
        if (Math.abs(l.spacing) < 1e-9 && [...l.text].length === (l.x > 0 ? 26 : 28)) onGrid++;
        expect(l.spacing / size, l.text).toBeLessThan(0.1);
      }
    }
    expect(grid).toBeGreaterThan(10);
    expect(onGrid / grid).toBeGreaterThan(0.8);
  });

  it('sets no justified line loose: every gap stretched by less than 0.1 em', () => {
    const loose = laid.flatMap(({ lines }) => lines.filter((l) => !l.last && l.spacing / size >= 0.1).map((l) => `${l.text} (${(l.spacing / size).toFixed(3)} em)`));
    expect(loose).toEqual([]);
  });
});

describe('the default font on the grid', () => {
  const cells = (line: Line, from: number, to: number) => {
    const x = line.runs.flatMap((r) => [...r.x]);
    return (x[to]! - x[from]!) / CELL;
  };

  // Regression (fixed): Noto Sans SC's U+2014 advance is 0.894 em, under the 0.9 em threshold of measureChars, so — is measured
  // as a narrow character: —— is 1.79 em instead of 2 cells and the characters after it fall off the grid.
  it('sets —— as two cells', () => {
    const [line] = lay('上下构建形成了领导小组——信息公开办公室', { indent: 0 });
    expect(cells(line!, 11, 13)).toBeCloseTo(2, 6);
  });

  it('sets …… as two cells', () => {
    const [line] = lay('上下构建形成了领导小组……信息公开办公室', { indent: 0 });
    expect(cells(line!, 11, 13)).toBeCloseTo(2, 6);
  });

  // Regression (fixed): Noto Sans SC's half-width % is 0.921 em wide, so measureChars takes it for a wide character: justification
  // stretches the gap between 50 and %, and latinGap puts a Han–Latin gap inside 50%.
  it('never stretches inside 50%', () => {
    const text = `${'各'.repeat(20)}同比增长50%以上，${'各'.repeat(40)}`;
    for (const latinGap of [0, 0.25]) {
      const lines = lay(text, { indent: 0, latinGap });
      const line = lines.find((l) => l.text.includes('50%'))!;
      expect(line.last).toBe(false);
      expect(line.spacing).toBeGreaterThan(0);
      const k = [...line.text].indexOf('%');
      const x = line.runs.flatMap((r) => [...r.x]);
      expect(x[k]! - x[k - 1]!).toBeCloseTo(font.advance(0x30) * size, 6);
    }
  });
});

describe('e-mail addresses in the default font', () => {
  // Regression (fixed): Noto Sans SC's @ is 0.946 em wide, so measureChars takes it for a wide character: a line may break
  // before @ (一邮箱lyminzhengju | @126.com。 on a 160 pt measure), and justification stretches both gaps
  // around it and sets it in a full grid cell.
  it('breaks an e-mail address only before @ or ., with three characters or more on each side', () => {
    const text = `一邮箱lyminzhengju@126.com。${'二'.repeat(12)}`;
    for (const measure of [130, 160, 190, 220]) {
      const lines = breakLines([{ text, font, size }], { measure });
      for (let i = 1; i < lines.length; i++) {
        const start = lines[i]!.text[0]!;
        // A line may begin with the address itself (on a narrow measure, before it rather than inside it).
        if (!/[@.a-z0-9]/.test(start) || lines[i]!.text.startsWith('lyminzhengju')) continue;
        expect(start, lines.map((l) => l.text).join('|')).toMatch(/[@.]/);
        expect(lines[i - 1]!.text, lines.map((l) => l.text).join('|')).toMatch(/[a-z0-9]{3}$/);
        expect(lines[i]!.text, lines.map((l) => l.text).join('|')).toMatch(/^[@.][a-z0-9]{2}/);
      }
    }
  });

  it('never stretches around @', () => {
    const text = `一二邮箱lyminzhengju@126.com。${'二'.repeat(30)}`;
    const [line] = lay(text, { indent: 0 });
    expect(line!.spacing).toBeGreaterThan(0);
    const k = [...line!.text].indexOf('@');
    const x = line!.runs.flatMap((r) => [...r.x]);
    expect(x[k]! - x[k - 1]!).toBeCloseTo(font.advance(0x75) * size, 6);
    expect(x[k + 1]! - x[k]!).toBeCloseTo(font.advance(0x40) * size, 6);
  });
});

describe('long paragraphs', () => {
  const body = paragraphs.filter((p) => [...p].length > 60).join('');
  const paragraphOf = (n: number) => body.repeat(Math.ceil(n / body.length)).slice(0, n);

  /** Lines of `text`, and how many font look-ups (calls of any method of the font) the breaker made per character. */
  function layCounting(text: string): { lines: Line[]; perChar: number } {
    let calls = 0;
    const counting = new Proxy(font, {
      get(target, key) {
        const value: unknown = Reflect.get(target, key);
        return typeof value === 'function' ? (...args: unknown[]) => (calls++, value.apply(target, args)) : value;
      },
    }) as TextFont;
    const lines = breakLines([{ text, font: counting, size }], OPTIONS);
    return { lines, perChar: calls / text.length };
  }

  // Linear work, counted rather than timed: the font look-ups per character stay the same from 20,000 to 100,000
  // characters (a breaker that measured a line's text again for each break it tried would grow with the length).
  it('breaks a 100,000-character paragraph, with the same work per character as a 20,000-character one', () => {
    const big = paragraphOf(100_000);
    const small = layCounting(paragraphOf(20_000));
    const large = layCounting(big);
    expect(large.lines.map((l) => l.text).join('')).toBe(big);
    expect(large.lines.length).toBeGreaterThan(3000);
    expect(small.perChar).toBeGreaterThan(0);
    expect(large.perChar).toBeLessThanOrEqual(small.perChar * 1.05);
  });

  it('breaks an unbroken run of 50,000 letters, with the same work per letter as a run of 10,000', () => {
    const small = layCounting('a'.repeat(10_000));
    const large = layCounting('a'.repeat(50_000));
    expect(large.lines.map((l) => l.text).join('')).toBe('a'.repeat(50_000));
    expect(large.lines.length).toBeGreaterThan(500);
    expect(small.perChar).toBeGreaterThan(0);
    expect(large.perChar).toBeLessThanOrEqual(small.perChar * 1.05);
  });

  // Regression (fixed): buildClusters tested every cluster against URL_PATTERN, whose first branch [a-z][a-z0-9+.-]*:\/\/
  // backtracked quadratically on a long run of letters: 100,000 letters took about 10 s (20,000 took 0.4 s), so 500,000
  // would take minutes. Backtracking makes no font look-ups, so the counts above cannot see it: half a million
  // characters of each kind are broken in a child process that is killed after 120 s, over 30 times what the whole
  // child takes even on a loaded machine (1 to 4 s, node start-up included). Timings belong to `npm run bench`.
  it('breaks 500,000 letters and a 500,000-character paragraph in a child process, far inside a hang guard', () => {
    const url = (path: string) => new URL(path, import.meta.url).href;
    const code = `
      const { resolveFonts } = await import(${JSON.stringify(url('../../src/fonts/fontSet.ts'))});
      const { breakLines } = await import(${JSON.stringify(url('../../src/typeset/breakLines.ts'))});
      const { stack: font, size } = resolveFonts().body;
      const options = ${JSON.stringify(OPTIONS)};
      const body = ${JSON.stringify(body)};
      const counts = [];
      for (const text of ['a'.repeat(500000), body.repeat(Math.ceil(500000 / body.length)).slice(0, 500000)]) {
        const lines = breakLines([{ text, font, size }], options);
        if (lines.map((l) => l.text).join('') !== text) throw new Error('characters lost or reordered');
        counts.push(lines.length);
      }
      console.log(JSON.stringify(counts));`;
    const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], {
      cwd: fileURLToPath(new URL('../..', import.meta.url)),
      encoding: 'utf8',
      timeout: 120_000,
      killSignal: 'SIGKILL',
    });
    expect(child.signal, 'the child was killed by the hang guard').toBeNull();
    expect(child.status, child.stderr).toBe(0);
    const [letters, text] = JSON.parse(child.stdout) as number[];
    expect(letters).toBeGreaterThan(5000);
    expect(text).toBeGreaterThan(15_000);
  }, 180_000);
});

describe('numbers and their measure words in published text', () => {
  // Sentences of published reports (fixtures long-sections-2017, latin-heavy-2018), set at every offset on the line.
  const SENTENCES = [
    '直接听取宣讲的专业技术人员和人事干部超过1.2万人次。',
    '全年接听群众来电276.4万个，人工服务平均等待时间由上年的46秒缩短为28秒。',
    '首批开放32个部门的416个数据集、1,183万条数据记录，提供CSV、XLSX、JSON、XML四种下载格式和RESTful API接口服务。',
  ];
  const MEASURE_WORD = /^[个件条次元万亿项人家篇期场份名天]/;

  it('parts a number from its measure word only where keeping them together would set a line short', () => {
    // Before, a measure word left its number (超过1.2 | 万人次, 276.4 | 万个, 1,183 | 万条) also to spare a line its
    // gaps could stretch to the measure; it now leaves it only to spare a line that would otherwise end short.
    let splits = 0;
    for (const sentence of SENTENCES) {
      for (let k = 0; k < 28; k++) {
        const text = '一'.repeat(k) + sentence;
        const lines = lay(text);
        // No line ends more than 0.1 em short (one ends 1.1 pt short rather than part 1,183 | 万条).
        for (const line of lines.slice(0, -1)) expect(line.x + line.width, `${k}: ${line.text}`).toBeGreaterThan(MEASURE - 0.1 * size);
        for (let i = 1; i < lines.length; i++) {
          if (!/[0-9]$/.test(lines[i - 1]!.text) || !MEASURE_WORD.test(lines[i]!.text)) continue;
          splits++;
          const at = lines[i - 1]!.end;
          let start = at;
          while (start > 0 && /[0-9.,]/.test(text[start - 1]!)) start--;
          const whole = lay(text, { keepTogether: [[start, at + 1]] });
          const short = whole.slice(0, -1).filter((l) => l.x + l.width < MEASURE - 0.1 * size);
          expect(short.map((l) => l.text), `${k}: ${text.slice(start, at + 1)} kept whole`).not.toEqual([]);
        }
      }
    }
    expect(splits).toBeLessThan(8);
  });
});
