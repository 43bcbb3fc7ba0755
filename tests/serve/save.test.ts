/**
 * Saving an edited report into its file: string edits keep every other byte (YAML comments, JSON escapes, a BOM),
 * structural edits keep a YAML file's comments and a JSON file's indentation, the text always reads back as the
 * edited report, and the previous file is kept as .bak.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initReport, reportYaml } from '../../src/cli/initReport.js';
import { readReportSource } from '../../src/cli/readReportFile.js';
import { fileVersion, reportFileText, saveReportFile, SaveConflictError, stringEditsOnly } from '../../src/serve/saveReport.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SEED = join(ROOT, 'fixtures/linyi-minzheng-2017.json');

let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'xxgk-save-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

let n = 0;
const write = (name: string, text: string | Buffer) => {
  const file = join(tmp, `${++n}-${name}`);
  writeFileSync(file, text);
  return file;
};

type Report = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('stringEditsOnly', () => {
  it('lists changed strings, and gives up on anything else', () => {
    expect(stringEditsOnly({ a: 'x', b: [1, 'y'] }, { a: 'x', b: [1, 'z'] })).toEqual([{ path: ['b', 1], value: 'z' }]);
    expect(stringEditsOnly({ a: 1 }, { a: 2 })).toBeUndefined();
    expect(stringEditsOnly({ a: [1] }, { a: [1, 2] })).toBeUndefined();
    expect(stringEditsOnly({ a: 1 }, { a: 1, b: 2 })).toBeUndefined();
    expect(stringEditsOnly({ a: 1, c: 1 }, { a: 1, b: 1 })).toBeUndefined();
  });
});

describe('reportFileText', () => {
  it('a YAML file with comments: a changed string keeps every other byte', () => {
    const text = reportYaml(initReport('临沂市民政局', 2025, '2026-01-31'));
    expect(text).toMatch(/# 一、概述/);
    const file = write('r.yaml', text);
    const source = readReportSource(file, { editable: true });
    const edited = structuredClone(source.value) as Report;
    edited.metadata.agency = '临沂市民政局（测试）';
    const out = reportFileText(source, edited);
    expect(out.route).toBe('strings');
    expect(out.text).toBe(text.replace('agency: 临沂市民政局', 'agency: 临沂市民政局（测试）'));
  });

  it('a YAML file with comments: new blocks and changed numbers keep the comments', () => {
    const text = reportYaml(initReport('临沂市民政局', 2025, '2026-01-31', './report.schema.json'));
    const file = write('r.yaml', text);
    const source = readReportSource(file, { editable: true });
    const edited = structuredClone(source.value) as Report;
    edited.sections.overview.blocks.push({ type: 'paragraph', text: '2025年，本局认真贯彻落实《条例》。' }, { type: 'subsection', title: '组织领导', blocks: [{ type: 'paragraph', text: '成立领导小组。' }] });
    edited.statistics.values['applications.received'] = 12;
    edited.statistics.values['capacity.funding'] = '2.50';
    delete edited.sections.fees;
    edited.style = { itemNumbering: 'comma' };
    const out = reportFileText(source, edited);
    expect(out.route).toBe('yaml');
    expect(parseYaml(out.text)).toEqual(edited);
    // Every comment but the one of the part that was removed is still there.
    const comments = (t: string) => t.split('\n').filter((l) => l.trim().startsWith('#') || / # /.test(l)).length;
    expect(comments(out.text)).toBeGreaterThanOrEqual(comments(text) - 2);
    expect(out.text).toMatch(/# 一、概述/);
    expect(out.text).toMatch(/applications\.received: 12 # 收到申请数（件）/);
    expect(out.text).toMatch(/capacity\.funding: "2\.50" # 政府信息公开专项经费/);
    expect(out.text).toContain('yaml-language-server');
  });

  it('a JSON file: numbers and blocks change, the layout is its own (indentation, final newline, BOM)', () => {
    const text = `\ufeff${JSON.stringify(JSON.parse(readFileSync(SEED, 'utf8')), null, 4)}`;
    const file = write('r.json', text);
    const source = readReportSource(file, { editable: true });
    const edited = structuredClone(source.value) as Report;
    edited.statistics.values['proactive.other'] = 300;
    edited.sections.fees.blocks.push({ type: 'paragraph', text: '无。' });
    const out = reportFileText(source, edited);
    expect(out.route).toBe('json');
    expect(out.text).toBe(`\ufeff${JSON.stringify(edited, null, 4)}`);
  });

  it('a JSON file: a changed string keeps the other escapes as written', () => {
    const text = '{\n  "metadata": { "agency": "\\u4e34\\u6c82", "year": 2017 },\n  "preamble": [{ "type": "paragraph", "text": "a,b" }]\n}\n';
    const file = write('r.json', text);
    const source = readReportSource(file, { editable: true });
    const edited = structuredClone(source.value) as Report;
    edited.preamble[0].text = 'a，b';
    const out = reportFileText(source, edited);
    expect(out.route).toBe('strings');
    expect(out.text).toBe(text.replace('"a,b"', '"a，b"'));
  });

  it('an unchanged report is the file as it was', () => {
    const file = write('r.json', readFileSync(SEED));
    const source = readReportSource(file, { editable: true });
    expect(reportFileText(source, structuredClone(source.value))).toEqual({ route: 'unchanged', text: readFileSync(SEED, 'utf8') });
  });
});

describe('saveReportFile', () => {
  it('writes the file and keeps the previous one as .bak; an unchanged report writes nothing', async () => {
    const original = readFileSync(SEED);
    const file = write('r.json', original);
    const report = JSON.parse(original.toString('utf8')) as Report;
    const unchanged = await saveReportFile(file, report, fileVersion(original));
    expect(unchanged).toMatchObject({ route: 'unchanged', version: fileVersion(original) });
    expect(() => readFileSync(`${file}.bak`)).toThrow();
    report.signature.date = '2018-01-22';
    const saved = await saveReportFile(file, report, fileVersion(original));
    expect(saved.route).toBe('strings');
    expect(readFileSync(`${file}.bak`)).toEqual(original);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(report);
    expect(saved.version).toBe(fileVersion(readFileSync(file)));
  });

  it('refuses a file that changed since the given version', async () => {
    const file = write('r.json', readFileSync(SEED));
    const report = JSON.parse(readFileSync(SEED, 'utf8')) as Report;
    report.signature.date = '2018-01-22';
    await expect(saveReportFile(file, report, '0000000000000000')).rejects.toBeInstanceOf(SaveConflictError);
    expect(readFileSync(file)).toEqual(readFileSync(SEED));
  });
});
