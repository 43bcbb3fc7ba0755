import { inflateSync } from 'node:zlib';

/** A table record of an SFNT face's table directory. */
export interface TableRecord {
  readonly tag: string;
  readonly offset: number;
  readonly length: number;
}

/** The table records of the face whose table directory starts at `start` (its count already checked against the file). */
export function sfntTableRecords(v: DataView, start: number): TableRecord[] {
  const records: TableRecord[] = [];
  for (let i = 0, n = v.getUint16(start + 4); i < n; i++) {
    const rec = start + 12 + i * 16;
    const tag = String.fromCharCode(v.getUint8(rec), v.getUint8(rec + 1), v.getUint8(rec + 2), v.getUint8(rec + 3));
    records.push({ tag, offset: v.getUint32(rec + 8), length: v.getUint32(rec + 12) });
  }
  return records;
}

/** Writes an SFNT header: the flavour, the table count and the binary-search fields derived from it. */
export function writeSfntHeader(dst: DataView, flavor: number, numTables: number): void {
  const entrySelector = Math.floor(Math.log2(Math.max(1, numTables)));
  const searchRange = 16 * 2 ** entrySelector;
  dst.setUint32(0, flavor);
  dst.setUint16(4, numTables);
  dst.setUint16(6, searchRange);
  dst.setUint16(8, entrySelector);
  dst.setUint16(10, numTables * 16 - searchRange);
}

/** True when the bytes start with the WOFF 1.0 signature `wOFF`. */
export function isWoff(bytes: Uint8Array): boolean {
  return bytes.length >= 44 && bytes[0] === 0x77 && bytes[1] === 0x4f && bytes[2] === 0x46 && bytes[3] === 0x46;
}

/** Size of the SFNT that `woffToSfnt` makes from a WOFF file, read from its table directory without inflating. */
export function sfntSizeOfWoff(woff: Uint8Array): number {
  const view = new DataView(woff.buffer, woff.byteOffset, woff.byteLength);
  const numTables = view.getUint16(12);
  let size = 12 + 16 * numTables;
  for (let i = 0; i < numTables; i++) size += (view.getUint32(44 + i * 20 + 12) + 3) & ~3;
  return size;
}

/**
 * Converts a WOFF 1.0 file to a plain SFNT (TrueType/OpenType) once, inflating every table with node:zlib.
 * fontkit can read WOFF itself, but it inflates a table again on every access, which makes a CJK font
 * hundreds of times slower to use; a plain SFNT is read in place.
 */
export function woffToSfnt(woff: Uint8Array, maxBytes = Number.MAX_SAFE_INTEGER): Uint8Array {
  const src = new DataView(woff.buffer, woff.byteOffset, woff.byteLength);
  if (!isWoff(woff)) throw new Error('不是 WOFF 1.0 文件（没有 wOFF 标识）');
  const flavor = src.getUint32(4);
  const numTables = src.getUint16(12);
  if (numTables < 1 || 44 + numTables * 20 > woff.length) throw new Error(`WOFF 表目录有误（声称有${numTables}个表）`);
  const tables = [];
  for (let i = 0; i < numTables; i++) {
    const o = 44 + i * 20;
    const t = {
      tag: src.getUint32(o),
      offset: src.getUint32(o + 4),
      compLength: src.getUint32(o + 8),
      origLength: src.getUint32(o + 12),
      checksum: src.getUint32(o + 16),
    };
    if (t.offset + t.compLength > woff.length) throw new Error(`WOFF 第${i + 1}个表超出文件末尾`);
    if (t.compLength > t.origLength) throw new Error(`WOFF 第${i + 1}个表压缩后比原来还大`);
    tables.push(t);
  }
  const headerSize = 12 + 16 * numTables;
  let size = headerSize;
  for (const t of tables) size += (t.origLength + 3) & ~3;
  if (size > maxBytes) throw new Error(`WOFF 解压后为${size}字节，超过上限${maxBytes}字节`);
  const out = new Uint8Array(size);
  const dst = new DataView(out.buffer);
  writeSfntHeader(dst, flavor, numTables);
  let offset = headerSize;
  tables.forEach((t, i) => {
    const packed = woff.subarray(t.offset, t.offset + t.compLength);
    let data: Uint8Array;
    try {
      // Never more than the directory promised: a table that inflates further is damaged (or a bomb).
      data = t.compLength < t.origLength ? inflateSync(packed, { maxOutputLength: Math.max(1, t.origLength) }) : packed;
    } catch {
      throw new Error(`WOFF 第${i + 1}个表无法解压或解压后超过声明的${t.origLength}字节`);
    }
    if (data.length !== t.origLength) throw new Error(`WOFF 第${i + 1}个表解压后为${data.length}字节，应为${t.origLength}字节`);
    const rec = 12 + i * 16;
    dst.setUint32(rec, t.tag);
    dst.setUint32(rec + 4, t.checksum);
    dst.setUint32(rec + 8, offset);
    dst.setUint32(rec + 12, t.origLength);
    out.set(data, offset);
    offset += (t.origLength + 3) & ~3;
  });
  return out;
}
