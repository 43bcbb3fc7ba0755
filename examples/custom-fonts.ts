/**
 * An office's own fonts, chosen by role: here the AR PL (文鼎) fonts that Debian and Ubuntu ship in the
 * fonts-arphic-ukai and fonts-arphic-uming packages — 楷体 (UKai) for the second-level headings “（一）…”,
 * 明体 (UMing) for the body text. Every other role keeps the embedded default (Noto Sans SC).
 *
 *   npx tsx examples/custom-fonts.ts        → out/custom-fonts.pdf
 *
 * Roles: title heading1 heading2 heading3 body table tableHeader pageNumber signature.
 * A font is a path, the bytes of a file, or { path | data, face } to pick one face of a .ttc collection.
 * A character that a chosen font lacks falls back to the default font of the role's weight, and a character
 * that no font can draw is a validation error before anything is written.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderReport, ReportValidationError, type FontSource } from '../src/index.js';
// In a project of your own: import { renderReport, … } from 'xxgk-report';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

// Where Debian puts them (ARPHIC_FONTS_DIR overrides it).
const fontDir = process.env.ARPHIC_FONTS_DIR ?? '/usr/share/fonts/truetype/arphic';
const kaiFile = join(fontDir, 'ukai.ttc');
const mingFile = join(fontDir, 'uming.ttc');
// Both files are collections (.ttc); `face` names the face (its PostScript, full or family name).
const kai: FontSource = { path: kaiFile, face: 'UKaiCN' };
const ming: FontSource = { path: mingFile, face: 'UMingCN' };

const missing = [kaiFile, mingFile].filter((file) => !existsSync(file));
if (missing.length > 0) {
  // Not an error: the example simply has nothing to show on a machine without these fonts.
  console.log(`skipped: font file${missing.length > 1 ? 's' : ''} not found: ${missing.join(', ')}`);
  console.log('(on Debian or Ubuntu: apt-get install fonts-arphic-ukai fonts-arphic-uming)');
  process.exit(0);
}

const report = JSON.parse(readFileSync(join(root, 'fixtures/linyi-minzheng-2017.json'), 'utf8'));

try {
  const pdf = await renderReport(report, {
    fonts: { heading2: kai, body: ming },
    // Sizes can be set by role too, in points (16 pt, GB/T 9704's 3号, is already the default for body text).
    sizes: { body: 16 },
  });
  const out = join(root, 'out/custom-fonts.pdf');
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, pdf);
  console.log(`wrote ${out} (${pdf.length} bytes): heading2 in UKaiCN, body in UMingCN`);
} catch (e) {
  if (e instanceof ReportValidationError) {
    // Every problem at once, each with its JSON path and Chinese label.
    for (const issue of e.errors) console.error(`${issue.path}${issue.label ? `（${issue.label}）` : ''}: ${issue.message}`);
    process.exit(1);
  }
  throw e; // e.g. a font file that cannot be read, or no such face in the collection
}
