/**
 * Minimal WOFF 1.0 → SFNT (TrueType/OpenType) converter used by the
 * conformance tests, so that they can embed the Noto Sans SC face shipped by
 * @fontsource/noto-sans-sc with plain pdfkit, independently of src/fonts.
 *
 * WOFF layout: 44-byte header, then `numTables` 20-byte directory entries
 * (tag, offset, compLength, origLength, origChecksum). A table is
 * zlib-compressed when compLength < origLength.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { inflateSync } from 'node:zlib';

export function woffToSfnt(woff: Uint8Array): Buffer {
  const src = Buffer.from(woff.buffer, woff.byteOffset, woff.byteLength);
  if (src.readUInt32BE(0) !== 0x774f4646) throw new Error('not a WOFF 1.0 file (bad signature)');
  const flavor = src.readUInt32BE(4);
  const numTables = src.readUInt16BE(12);

  type Table = { tag: number; checksum: number; data: Buffer };
  const tables: Table[] = [];
  for (let i = 0; i < numTables; i++) {
    const e = 44 + i * 20;
    const tag = src.readUInt32BE(e);
    const offset = src.readUInt32BE(e + 4);
    const compLength = src.readUInt32BE(e + 8);
    const origLength = src.readUInt32BE(e + 12);
    const checksum = src.readUInt32BE(e + 16);
    const raw = src.subarray(offset, offset + compLength);
    const data = compLength < origLength ? inflateSync(raw) : Buffer.from(raw);
    if (data.length !== origLength) {
      throw new Error(`WOFF table ${i}: expected ${origLength} bytes, got ${data.length}`);
    }
    tables.push({ tag, checksum, data });
  }
  // SFNT requires the table records sorted by tag.
  tables.sort((a, b) => a.tag - b.tag);

  let entrySelector = 0;
  while (1 << (entrySelector + 1) <= numTables) entrySelector++;
  const searchRange = (1 << entrySelector) * 16;
  const rangeShift = numTables * 16 - searchRange;

  const pad4 = (n: number) => (n + 3) & ~3;
  const headerLen = 12 + numTables * 16;
  let total = headerLen;
  for (const t of tables) total += pad4(t.data.length);

  const out = Buffer.alloc(total);
  out.writeUInt32BE(flavor, 0);
  out.writeUInt16BE(numTables, 4);
  out.writeUInt16BE(searchRange, 6);
  out.writeUInt16BE(entrySelector, 8);
  out.writeUInt16BE(rangeShift, 10);
  let offset = headerLen;
  tables.forEach((t, i) => {
    const r = 12 + i * 16;
    out.writeUInt32BE(t.tag, r);
    out.writeUInt32BE(t.checksum, r + 4);
    out.writeUInt32BE(offset, r + 8);
    out.writeUInt32BE(t.data.length, r + 12);
    t.data.copy(out, offset);
    offset += pad4(t.data.length);
  });
  return out;
}

const require = createRequire(import.meta.url);

/** Path of the Noto Sans SC (simplified Chinese subset, regular) WOFF from @fontsource. */
export function notoSansScWoffPath(): string {
  const pkg = require.resolve('@fontsource/noto-sans-sc/package.json');
  return join(dirname(pkg), 'files', 'noto-sans-sc-chinese-simplified-400-normal.woff');
}

let cached: Buffer | undefined;
/** Noto Sans SC regular as a plain TrueType SFNT buffer (cached). */
export function notoSansScSfnt(): Buffer {
  cached ??= woffToSfnt(readFileSync(notoSansScWoffPath()));
  return cached;
}
