/**
 * Budgets of the text-stream reader. It reads PDFs people hand it, so every quantity that an input controls and
 * that costs time or memory has an explicit upper bound; reaching one throws a TextStreamLimitError naming it.
 */

/** Upper bounds of one `extractTextStream` call; each is a positive integer (or Infinity to lift it). */
export interface TextStreamLimits {
  /** Bytes of one stream after decoding (each Flate stage is capped while it inflates). */
  readonly maxStreamBytes: number;
  /** Bytes produced by decoding, all streams of the document together (each stream is decoded once). */
  readonly maxDecodedBytes: number;
  /** Content-stream bytes interpreted, all pages together; a stream used by several pages counts for each. */
  readonly maxContentBytes: number;
  /** Bytes of object syntax parsed (dictionaries, arrays, strings; stream data excluded), counted again where objects overlap. */
  readonly maxObjectBytes: number;
  /** Entries of the cross-reference table. */
  readonly maxObjects: number;
  /** Pages in the page tree. */
  readonly maxPages: number;
  /** Depth of any nesting: q/Q, marked content, arrays and dictionaries, the page tree. */
  readonly maxNesting: number;
  /** Operators in one page's content. */
  readonly maxOperatorsPerPage: number;
  /** Operands before one operator, counting the elements of arrays and dictionaries among them. */
  readonly maxOperands: number;
  /** Glyphs shown by one Tj, ', " or TJ. */
  readonly maxGlyphsPerString: number;
  /** Glyphs shown on one page. */
  readonly maxGlyphsPerPage: number;
  /** Glyphs shown in the document (the result keeps each, about 170 bytes apiece). */
  readonly maxGlyphs: number;
  /** CID widths assigned by the /W arrays of all fonts together. */
  readonly maxWidthEntries: number;
  /** Codes mapped by the ToUnicode CMaps of all fonts together. */
  readonly maxUnicodeEntries: number;
  /** CIDs in one `first last width` range of a /W array. */
  readonly maxCidRange: number;
}

const MiB = 1024 * 1024;

/**
 * The defaults: far above what the library writes (a page of its output is 5–20 KB of content, 500–1,500 glyphs and
 * a few hundred operators; a 3,000-page report reads within them), and low enough that any input is answered in
 * seconds with memory bounded by the limits (at most about 0.6 GB, for 3,000,000 glyphs kept in the result).
 */
export const DEFAULT_TEXT_STREAM_LIMITS: Readonly<TextStreamLimits> = Object.freeze({
  maxStreamBytes: 64 * MiB,
  maxDecodedBytes: 128 * MiB,
  maxContentBytes: 128 * MiB,
  maxObjectBytes: 64 * MiB,
  maxObjects: 1_000_000,
  maxPages: 10_000,
  maxNesting: 256,
  maxOperatorsPerPage: 1_000_000,
  maxOperands: 100_000,
  maxGlyphsPerString: 100_000,
  maxGlyphsPerPage: 200_000,
  maxGlyphs: 3_000_000,
  maxWidthEntries: 500_000,
  maxUnicodeEntries: 500_000,
  maxCidRange: 65_536,
});

/** The name of one limit, e.g. `maxStreamBytes`. */
export type TextStreamLimitName = keyof TextStreamLimits;

/** Options of `extractTextStream`. */
export interface ExtractTextStreamOptions {
  /** Budgets that replace the defaults (DEFAULT_TEXT_STREAM_LIMITS) one by one. */
  readonly limits?: Partial<TextStreamLimits>;
}

const BYTE_LIMITS = new Set<TextStreamLimitName>(['maxStreamBytes', 'maxDecodedBytes', 'maxContentBytes', 'maxObjectBytes']);

/** What each limit bounds, in the words of its message (the number and unit follow). */
const WHAT: Record<TextStreamLimitName, string> = {
  maxStreamBytes: '一个流解压后的大小',
  maxDecodedBytes: '各流解压后的大小合计',
  maxContentBytes: '各页读取的内容流合计',
  maxObjectBytes: '解析对象读取的字节合计',
  maxObjects: '交叉引用表的对象数',
  maxPages: '页面树的页数',
  maxNesting: '嵌套层数',
  maxOperatorsPerPage: '一页内容流的操作符数',
  maxOperands: '一个操作符前的操作数（数组和字典的元素也计入）',
  maxGlyphsPerString: '一次文字显示（Tj、TJ、\' 或 "）的字形数',
  maxGlyphsPerPage: '一页的字形数',
  maxGlyphs: '全文的字形数',
  maxWidthEntries: '字体宽度表（/W）的条目合计',
  maxUnicodeEntries: 'ToUnicode 映射的条目合计',
  maxCidRange: '宽度表（/W）中一个 CID 范围的大小',
};

const UNIT: Partial<Record<TextStreamLimitName, string>> = { maxObjects: ' 个', maxPages: ' 页', maxNesting: ' 层' };

/** A count with thousands separators, or a byte size in MiB (to 0.1) from 1 MiB up. */
function amount(name: TextStreamLimitName, n: number): string {
  if (BYTE_LIMITS.has(name)) {
    if (n >= MiB) return `${Number.isInteger(n / MiB) ? n / MiB : (n / MiB).toFixed(1)} MiB`;
    return `${n.toLocaleString('en-US')} 字节`;
  }
  return `${n.toLocaleString('en-US')}${UNIT[name] ?? ' 个'}`;
}

/**
 * A budget was exceeded. `limit` names it (a key of TextStreamLimits), `max` is its value and `reached` what the
 * input reached when the reader stopped (for inflation, one byte past the limit: decompression stops there).
 */
export class TextStreamLimitError extends Error {
  constructor(
    readonly limit: TextStreamLimitName,
    readonly max: number,
    readonly reached: number,
    /** Where in the PDF, in Chinese (e.g. 第 3 页); empty for the whole document. */
    readonly where = '',
    /** What exactly was nested, for maxNesting (e.g. q/Q). */
    detail = '',
  ) {
    const exceeded = limit === 'maxStreamBytes' || limit === 'maxDecodedBytes' ? `超过 ${amount(limit, max)}` : `达到 ${amount(limit, reached)}，超过 ${amount(limit, max)}`;
    const gap = /[A-Za-z0-9]$/.test(exceeded) ? ' ' : '';
    super(`PDF${where ? `（${where}）` : ' '}${detail}${WHAT[limit]}${exceeded}${gap}的上限（limits.${limit}）；如确需读取，请调大该上限。`);
    this.name = 'TextStreamLimitError';
  }
}

/** The limits in force: the defaults with `partial` over them, each checked to be a positive integer or Infinity. */
export function resolveLimits(partial: Partial<TextStreamLimits> | undefined): TextStreamLimits {
  const limits = { ...DEFAULT_TEXT_STREAM_LIMITS };
  for (const [key, value] of Object.entries(partial ?? {})) {
    if (!(key in DEFAULT_TEXT_STREAM_LIMITS)) throw new TypeError(`extractTextStream: unknown limit limits.${key}`);
    if (value === undefined) continue;
    if (typeof value !== 'number' || !(value === Infinity || (Number.isSafeInteger(value) && value > 0))) {
      throw new TypeError(`extractTextStream: limits.${key} must be a positive integer or Infinity, got ${String(value)}`);
    }
    (limits as Record<string, number>)[key] = value;
  }
  return limits;
}

/** The limits of one document and what it has used of the cumulative ones. */
export class Budget {
  private readonly used = new Map<TextStreamLimitName, number>();

  constructor(readonly limits: TextStreamLimits = DEFAULT_TEXT_STREAM_LIMITS) {}

  /** Throws when `value` is above the limit `name`. */
  check(name: TextStreamLimitName, value: number, where?: string, detail?: string): void {
    if (value > this.limits[name]) throw new TextStreamLimitError(name, this.limits[name], value, where, detail);
  }

  /** Adds `amount` to the document's use of the cumulative limit `name`, and throws when it goes above it. */
  charge(name: TextStreamLimitName, amount: number, where?: string): void {
    const total = (this.used.get(name) ?? 0) + amount;
    this.used.set(name, total);
    this.check(name, total, where);
  }

  /** What is left of the cumulative limit `name` (Infinity when it is lifted). */
  remaining(name: TextStreamLimitName): number {
    return this.limits[name] - (this.used.get(name) ?? 0);
  }
}
