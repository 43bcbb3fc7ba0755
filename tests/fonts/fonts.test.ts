/** The font layer: default fonts with no system fonts, fallback, undrawable characters, office fonts by role, caching. */
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as fontkit from 'fontkit';
import { describe, expect, it } from 'vitest';
import { loadedDefaultFileCount } from '../../src/fonts/defaultFonts.js';
import { resolveFonts } from '../../src/fonts/fontSet.js';
import { woffToSfnt } from '../../src/fonts/sfnt.js';
import { renderReport, ReportValidationError, validateReport } from '../../src/index.js';
import { fixture } from '../helpers/composed.js';
import { pdfjsPages, squash } from '../helpers/pdfjs.js';
import { ARPHIC_PACKAGES, arphicFontsAvailable, debianFont, describeWithTool, pdffonts, popplerAvailable, POPPLER_PACKAGES } from '../helpers/conformance.js';

const dir = mkdtempSync(join(tmpdir(), 'xxgk-fonts-'));

describe('WOFF to SFNT', () => {
  it('gives a font fontkit reads with the same glyphs and metrics as the WOFF', () => {
    const require = createRequire(import.meta.url);
    const file = require.resolve('@fontsource/noto-sans-sc/files/noto-sans-sc-latin-400-normal.woff');
    const woff = readFileSync(file);
    const sfnt = fontkit.create(Buffer.from(woffToSfnt(woff))) as fontkit.Font;
    const direct = fontkit.create(woff) as fontkit.Font;
    expect(sfnt.numGlyphs).toBe(direct.numGlyphs);
    for (const cp of [0x41, 0x67, 0x31, 0x2014]) expect(sfnt.glyphForCodePoint(cp).advanceWidth).toBe(direct.glyphForCodePoint(cp).advanceWidth);
  });
});

describe('default fonts', () => {
  it('parses each default file once per process', async () => {
    resolveFonts();
    const loaded = loadedDefaultFileCount();
    resolveFonts();
    await renderReport(fixture('linyi-minzheng-2017'));
    await renderReport(fixture('linyi-minzheng-2017'));
    expect(loadedDefaultFileCount()).toBe(loaded);
  });

  it('draws 溍 禤 龑 (not in the chinese-simplified file) from the numbered files, and they copy out', async () => {
    const fonts = resolveFonts();
    const body = fonts.body.stack;
    for (const ch of '溍禤龑') expect(body.face(ch.codePointAt(0)!)).toBeGreaterThan(0);
    expect(body.face('民'.codePointAt(0)!)).toBe(0);
    const report = fixture('linyi-minzheng-2017');
    report.sections.overview!.blocks = [{ type: 'paragraph', text: '溍源镇禤氏宗祠修缮工程信息由龑先生负责公开。' }];
    const pdf = await renderReport(report);
    expect(squash((await pdfjsPages(pdf)).join(''))).toContain('溍源镇禤氏宗祠修缮工程信息由龑先生负责公开。');
    writeFileSync(join(dir, 'fallback.pdf'), pdf);
  });

  it('refuses a character no font can draw, naming it, its code point and its path', async () => {
    const report = fixture('linyi-minzheng-2017');
    report.sections.overview!.blocks = [{ type: 'paragraph', text: '刘䶮' }];
    const error = (await renderReport(report).catch((e: unknown) => e)) as ReportValidationError;
    expect(error).toBeInstanceOf(ReportValidationError);
    const issue = error.errors.find((e) => e.code === 'undrawable_character')!;
    expect(issue.path).toBe('sections.overview.blocks[0].text');
    expect(issue.message).toContain('U+4DAE');
    expect(issue.message).toContain('䶮');
    // validateReport checks the default fonts without being asked: the same answer as renderReport.
    const result = validateReport(report);
    expect(result.ok).toBe(false);
    expect(result.errors).toContainEqual(expect.objectContaining({ code: 'undrawable_character', path: 'sections.overview.blocks[0].text' }));
  });

  it('copies out each of several code points that share one glyph (· • ・, ∕ ／) as itself', async () => {
    const report = fixture('linyi-minzheng-2017');
    const text = '间隔号·与项目符号•和片假名中点・不同，除号∕与全角斜线／也不同。';
    report.sections.overview!.blocks = [{ type: 'paragraph', text }];
    const pdf = await renderReport(report);
    expect(squash((await pdfjsPages(pdf)).join(''))).toContain(text);
  });

  it('keeps the line metrics when a character comes from a fallback face', async () => {
    const body = resolveFonts().body.stack;
    expect(body.advance('溍'.codePointAt(0)!)).toBe(body.advance('民'.codePointAt(0)!));
  });
});

describeWithTool(popplerAvailable(), POPPLER_PACKAGES, 'embedded fonts as poppler sees them', () => {
  it('embeds the fallback faces used, subset, with Unicode maps', () => {
    const fonts = pdffonts(join(dir, 'fallback.pdf'));
    expect(fonts.length).toBeGreaterThanOrEqual(3);
    for (const f of fonts) expect([f.emb, f.sub, f.uni]).toEqual([true, true, true]);
  });
});

describeWithTool(arphicFontsAvailable() && popplerAvailable(), `${ARPHIC_PACKAGES} ${POPPLER_PACKAGES}`, 'an office’s own fonts by role', () => {
  it('embeds the given fonts for their roles and keeps the default for the others', async () => {
    const ukai = debianFont('ukai')!;
    const uming = debianFont('uming')!;
    const ming = { path: uming, face: 'UMingCN' };
    const pdf = await renderReport(fixture('linyi-minzheng-2017'), { fonts: { heading2: { path: ukai, face: 'UKaiCN' }, body: ming, table: ming, signature: ming, pageNumber: ming } });
    const file = join(dir, 'office-fonts.pdf');
    writeFileSync(file, pdf);
    const names = pdffonts(file).map((f) => f.name.replace(/^[A-Z]{6}\+/, ''));
    expect(names).toContain('UKaiCN');
    expect(names).toContain('UMingCN');
    expect(names.some((n) => /NotoSansSC.*Bold/.test(n))).toBe(true);
    expect(names.some((n) => /NotoSansSC.*Regular/.test(n))).toBe(false);
  });

  it('names the path of a font file that does not exist or is not a font', async () => {
    await expect(renderReport(fixture('linyi-minzheng-2017'), { fonts: { body: '/nonexistent/font.ttf' } })).rejects.toThrow('/nonexistent/font.ttf');
    const notFont = join(dir, 'not-a-font.ttf');
    writeFileSync(notFont, 'hello');
    await expect(renderReport(fixture('linyi-minzheng-2017'), { fonts: { body: notFont } })).rejects.toThrow(notFont);
  });
});
