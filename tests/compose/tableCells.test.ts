/** The lines of one table cell (cellLines): short headings stacked rather than ending on one character alone. */
import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_LAYOUT, geometryOf } from '../../src/compose/layoutOptions.js';
import { cellLines, cellPad } from '../../src/compose/tableCells.js';
import { Typesetter } from '../../src/compose/typesetter.js';
import { resolveFonts } from '../../src/fonts/fontSet.js';
import type { DocCell } from '../../src/model/document.js';

const ts = new Typesetter(resolveFonts(), geometryOf(DEFAULT_LAYOUT), DEFAULT_LAYOUT);
const SIZE = 10.5;
const pad = cellPad(ts, SIZE);
/** A cell two characters wide, as the value columns of table 三 are. */
const TWO = 2 * ts.cell('table', SIZE) + 2 * pad + 0.5;

function cell(text: string, align: DocCell['align']): DocCell {
  return { pieces: [{ role: 'table', text, struct: 0, path: '' }], column: 0, colSpan: 1, rowSpan: 1, header: true, align, indent: 0, hanging: false, noWrap: false, struct: 0 };
}
const lines = (c: DocCell, width = TWO) => cellLines(ts, c, width, SIZE, pad).map((l) => l.text);

describe('cell lines', () => {
  it('stacks a centred heading of three characters that would end on one alone, a character a line, centred', () => {
    expect(lines(cell('自然人', 'center'))).toEqual(['自', '然', '人']);
    const stacked = cellLines(ts, cell('自然人', 'center'), TWO, SIZE, pad);
    // Each character is centred in the cell, as the heading's lines are.
    const inner = TWO - 2 * pad;
    for (const line of stacked) expect(Math.abs(line.x + line.width / 2 - inner / 2)).toBeLessThan(0.5);
  });

  it('leaves a heading that ends on two characters, a longer one and a label of the body as they wrap', () => {
    expect(lines(cell('法律服务机构', 'center'))).toEqual(['法律', '服务', '机构']);
    expect(lines(cell('商业企业', 'center'))).toEqual(['商业', '企业']);
    // A label of the body (flush left) keeps two lines, a third would make its row taller: its last line takes a
    // character from the line before (孤字不成行), as a paragraph's does.
    expect(lines(cell('自然人', 'left'))).toEqual(['自', '然人']);
    // Wide enough, the heading is one line.
    expect(lines(cell('自然人', 'center'), 3 * ts.cell('table', SIZE) + 2 * pad + 0.5)).toEqual(['自然人']);
  });
});

describe('labels set once for every report', () => {
  const label = (keepWords?: string[]): DocCell => ({ ...cell('本机关门户网站信息公开专栏', 'left'), header: false, ...(keepWords ? { keepWords } : {}) });
  const width = 4 * ts.cell('table', SIZE) + 2 * pad + 0.5;

  it("sets a label again in a new composition only when a name it keeps occurs in its text", () => {
    const balance = vi.spyOn(Typesetter.prototype, 'balance');
    const fresh = () => new Typesetter(resolveFonts(), geometryOf(DEFAULT_LAYOUT), DEFAULT_LAYOUT);
    const first = cellLines(fresh(), label(['临沂市']), width, SIZE, pad);
    expect(first.length).toBeGreaterThan(1);
    const calls = balance.mock.calls.length;
    expect(calls).toBeGreaterThan(0); // a wrapped label tries its breaks (setLabel)
    // Another report's cell, another agency's names, none of them in the label: the lines set before.
    expect(cellLines(fresh(), label(['淮安市', '淮阴区']), width, SIZE, pad)).toBe(first);
    expect(cellLines(fresh(), label(), width, SIZE, pad)).toBe(first);
    expect(balance.mock.calls.length).toBe(calls);
    // A name the label holds is kept whole: that label is set anew.
    cellLines(fresh(), label(['门户网站']), width, SIZE, pad);
    expect(balance.mock.calls.length).toBeGreaterThan(calls);
    balance.mockRestore();
  });
});
