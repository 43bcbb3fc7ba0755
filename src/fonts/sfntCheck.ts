/**
 * Checks of a font file before the library's reader or fontkit sees it (fontProgram.ts). fontkit trusts the file: a damaged table directory or character map
 * makes it read out of bounds, recurse until the stack overflows, or build arrays of billions of entries until the
 * process dies (an uncatchable out-of-memory). Here every structure the library and fontkit go on to read is checked
 * against the file's bounds, in time linear in the file: the collection header, the table directory, the tables the
 * library needs (head, hhea, hmtx, maxp, loca) and every Unicode character map subtable (segments sorted and
 * disjoint, so that a map can name at most every code point once). Glyph outlines are not decoded by the library
 * (the subsetter copies TrueType glyph programs), so they are not checked; CFF outlines are left to fontkit.
 */

import { sfntTableRecords } from './sfnt.js';

/** A font file that cannot be used; the message names the file and what is wrong, in Chinese. */
export class FontError extends Error {
  constructor(
    readonly file: string,
    reason: string,
  ) {
    super(`字体文件 ${file}：${reason}`);
    this.name = 'FontError';
  }
}

/** The largest font file read (a super OTC of the Source Han families is about 120 MB). */
export const MAX_FONT_BYTES = 256 * 1024 * 1024;

const tagAt = (v: DataView, at: number) => String.fromCharCode(v.getUint8(at), v.getUint8(at + 1), v.getUint8(at + 2), v.getUint8(at + 3));
const printable = (tag: string) => (/^[\x20-\x7e]{4}$/.test(tag) ? tag : [...tag].map((c) => c.charCodeAt(0).toString(16).padStart(2, '0')).join(' '));

interface Table {
  readonly offset: number;
  readonly length: number;
}

/** Checks an SFNT file (TTF, OTF) or collection (TTC); throws a FontError naming `file` when it cannot be used safely. */
export function checkSfnt(bytes: Uint8Array, file: string): void {
  const fail = (reason: string): never => {
    throw new FontError(file, reason);
  };
  if (bytes.length > MAX_FONT_BYTES) fail(`文件大小${bytes.length}字节，超过上限${MAX_FONT_BYTES}字节。`);
  if (bytes.length < 12) fail('文件太短，不是字体文件。');
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const tag = tagAt(v, 0);
  if (tag === 'wOF2') fail('是 WOFF2 字体，不支持；请改用 TTF、OTF、WOFF 或 TTC 文件。');
  if (tag === 'ttcf') {
    const count = v.getUint32(8);
    if (count < 1 || count > 10_000 || 12 + count * 4 > bytes.length) fail(`字体集合（TTC）的文件头有误（声称有${count}个字体）。`);
    for (let i = 0; i < count; i++) checkFace(v, v.getUint32(12 + i * 4), fail, `字体集合中的第${i + 1}个字体`);
    return;
  }
  checkFace(v, 0, fail, '');
}

function checkFace(v: DataView, start: number, fail: (reason: string) => never, where: string): void {
  const at = where ? `${where}：` : '';
  const size = v.byteLength;
  if (start + 12 > size) fail(`${at}表目录超出文件末尾。`);
  const version = v.getUint32(start);
  if (version !== 0x00010000 && version !== 0x4f54544f /* OTTO */ && version !== 0x74727565 /* true */) {
    fail(`${at}不是 TrueType 或 OpenType 字体（文件头为 ${printable(tagAt(v, start))}）。`);
  }
  const numTables = v.getUint16(start + 4);
  if (numTables < 1 || numTables > 512 || start + 12 + numTables * 16 > size) fail(`${at}表目录有误（声称有${numTables}个表）。`);
  const tables = new Map<string, Table>();
  for (const { tag: name, offset, length } of sfntTableRecords(v, start)) {
    if (offset + length > size) fail(`${at}表 ${printable(name)} 超出文件末尾（位置${offset}，长度${length}，文件只有${size}字节）。`);
    if (tables.has(name)) fail(`${at}表 ${printable(name)} 出现了两次。`);
    tables.set(name, { offset, length });
  }
  for (const required of ['head', 'hhea', 'hmtx', 'maxp', 'cmap']) if (!tables.has(required)) fail(`${at}缺少必需的表 ${required}。`);
  const glyf = tables.get('glyf');
  if (!glyf && !tables.has('CFF ') && !tables.has('CFF2')) fail(`${at}没有字形轮廓（既无 glyf 表也无 CFF 表）。`);

  const head = tables.get('head')!;
  if (head.length < 54) fail(`${at}head 表太短（${head.length}字节）。`);
  if (v.getUint32(head.offset + 12) !== 0x5f0f3cf5) fail(`${at}head 表已损坏（标识数不对）。`);
  const unitsPerEm = v.getUint16(head.offset + 18);
  if (unitsPerEm < 16 || unitsPerEm > 16384) fail(`${at}head 表的 unitsPerEm 为${unitsPerEm}，应在 16 到 16384 之间。`);
  const longLoca = v.getInt16(head.offset + 50);
  if (longLoca !== 0 && longLoca !== 1) fail(`${at}head 表的 indexToLocFormat 为${longLoca}，应为 0 或 1。`);

  const maxp = tables.get('maxp')!;
  if (maxp.length < 6) fail(`${at}maxp 表太短。`);
  const numGlyphs = v.getUint16(maxp.offset + 4);
  if (numGlyphs < 1) fail(`${at}字体没有字形（maxp 表的 numGlyphs 为 0）。`);

  const hhea = tables.get('hhea')!;
  if (hhea.length < 36) fail(`${at}hhea 表太短。`);
  const metrics = v.getUint16(hhea.offset + 34);
  if (metrics < 1) fail(`${at}hhea 表的 numberOfHMetrics 为 0。`);
  const hmtx = tables.get('hmtx')!;
  if (hmtx.length < Math.min(metrics, numGlyphs) * 4) fail(`${at}hmtx 表太短（${hmtx.length}字节，应至少${Math.min(metrics, numGlyphs) * 4}字节）。`);

  if (glyf) {
    const loca = tables.get('loca');
    if (!loca) fail(`${at}有 glyf 表却缺少 loca 表。`);
    const entry = longLoca === 1 ? 4 : 2;
    if (loca!.length < (numGlyphs + 1) * entry) fail(`${at}loca 表太短（${loca!.length}字节，${numGlyphs}个字形需要${(numGlyphs + 1) * entry}字节）。`);
    for (let i = 0; i <= numGlyphs; i++) {
      const off = entry === 4 ? v.getUint32(loca!.offset + i * 4) : v.getUint16(loca!.offset + i * 2) * 2;
      if (off > glyf.length) fail(`${at}loca 表指向 glyf 表之外（第${i}项）。`);
    }
  }
  checkCmap(v, tables.get('cmap')!, fail, at);
  const name = tables.get('name');
  if (name) {
    if (name.length < 6) fail(`${at}name 表太短。`);
    const count = v.getUint16(name.offset + 2);
    if (6 + count * 12 > name.length) fail(`${at}name 表有误（声称有${count}条记录）。`);
  }
}

/** The character map: its encoding records and every subtable of a format fontkit reads (0, 4, 6, 12, 13, 14). */
function checkCmap(v: DataView, cmap: Table, fail: (reason: string) => never, at: string): void {
  if (cmap.length < 4) fail(`${at}cmap 表太短。`);
  const count = v.getUint16(cmap.offset + 2);
  if (4 + count * 8 > cmap.length) fail(`${at}cmap 表有误（声称有${count}个子表）。`);
  let unicode = false;
  const checked = new Set<number>();
  for (let i = 0; i < count; i++) {
    const rec = cmap.offset + 4 + i * 8;
    const platform = v.getUint16(rec);
    const encoding = v.getUint16(rec + 2);
    const offset = v.getUint32(rec + 4);
    if (offset + 4 > cmap.length) fail(`${at}cmap 子表（平台${platform}，编码${encoding}）超出 cmap 表。`);
    const format = v.getUint16(cmap.offset + offset);
    if (platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10))) unicode ||= format !== 14;
    if (checked.has(offset)) continue;
    checked.add(offset);
    const problem = subtableProblem(v, cmap.offset + offset, cmap.length - offset, format);
    if (problem) fail(`${at}cmap 子表（平台${platform}，编码${encoding}，格式${format}）已损坏：${problem}。`);
  }
  if (!unicode) fail(`${at}没有 Unicode 字符映射（cmap 表中没有平台 0 或 3 的子表）。`);
}

/** What is wrong with one cmap subtable of `room` bytes at `s`, or undefined. */
function subtableProblem(v: DataView, s: number, room: number, format: number): string | undefined {
  switch (format) {
    case 0:
      return room < 262 ? '长度不足' : undefined;
    case 4: {
      if (room < 14) return '长度不足';
      const length = v.getUint16(s + 2);
      const segX2 = v.getUint16(s + 6);
      if (length > room) return '长度超出 cmap 表';
      if (segX2 === 0 || segX2 % 2 !== 0 || 16 + segX2 * 4 > length) return `段数有误（segCountX2 为${segX2}）`;
      const seg = segX2 / 2;
      let previousEnd = -1;
      for (let i = 0; i < seg; i++) {
        const end = v.getUint16(s + 14 + i * 2);
        const startCode = v.getUint16(s + 16 + segX2 + i * 2);
        if (startCode > end || startCode <= previousEnd) return `第${i + 1}段（U+${startCode.toString(16).toUpperCase()}–U+${end.toString(16).toUpperCase()}）与其他段重叠或颠倒`;
        previousEnd = end;
        const rangeOffset = v.getUint16(s + 16 + segX2 * 3 + i * 2);
        if (rangeOffset !== 0) {
          // The glyph index array entry of the segment's last code must lie inside the subtable.
          const last = s + 16 + segX2 * 3 + i * 2 + rangeOffset + (end - startCode) * 2;
          if (rangeOffset % 2 !== 0 || last + 2 > s + length) return `第${i + 1}段的字形索引超出子表`;
        }
      }
      return undefined;
    }
    case 6: {
      if (room < 10) return '长度不足';
      const entries = v.getUint16(s + 8);
      return 10 + entries * 2 > room ? '长度不足' : undefined;
    }
    case 12:
    case 13: {
      if (room < 16) return '长度不足';
      const length = v.getUint32(s + 4);
      const groups = v.getUint32(s + 12);
      if (length > room || groups > (length - 16) / 12) return `组数有误（声称有${groups}组）`;
      let previousEnd = -1;
      for (let i = 0; i < groups; i++) {
        const startChar = v.getUint32(s + 16 + i * 12);
        const endChar = v.getUint32(s + 20 + i * 12);
        if (startChar > endChar || endChar > 0x10ffff || startChar <= previousEnd) return `第${i + 1}组与其他组重叠、颠倒或超出 Unicode 范围`;
        previousEnd = endChar;
      }
      return undefined;
    }
    case 14: {
      if (room < 10) return '长度不足';
      const length = v.getUint32(s + 2);
      const records = v.getUint32(s + 6);
      return length > room || 10 + records * 11 > length ? `变体选择符记录数有误（声称有${records}条）` : undefined;
    }
    default:
      return undefined;
  }
}
