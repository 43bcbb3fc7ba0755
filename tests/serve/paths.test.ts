/** The page writes field paths as the library writes them in its issues, or an issue would not find its field. */
import { describe, expect, it } from 'vitest';
import { formatPath as libraryFormat, parsePath as libraryParse } from '../../src/index.js';
import { formatPath, getAt, parsePath, setAt, type PathSegment } from '../../web/paths.js';

const SAMPLES: PathSegment[][] = [
  [],
  ['template'],
  ['metadata', 'contact', 'email'],
  ['preamble', 0, 'text'],
  ['sections', 'overview', 'blocks', 3, 'blocks', 0, 'items', 2, 'paragraphs', 1],
  ['statistics', 'values', 'applications.received'],
  ['statistics', 'values', 'proactive'],
  ['statistics', 'notes', 'response.pressConferences'],
  ['statistics', 'previous', 'applications.carriedForward.total'],
  ['statistics', 'subtitle'],
  ['sections', 'a-b', 'blocks'],
  ['weird key "quoted"', 0],
];

describe('web/paths.ts', () => {
  it.each(SAMPLES.map((s) => [libraryFormat(s), s] as const))('%s: formats and parses as the library does', (_, segments) => {
    expect(formatPath(segments)).toBe(libraryFormat(segments));
    expect(parsePath(formatPath(segments))).toEqual(libraryParse(libraryFormat(segments)));
  });

  it('gets and sets values; undefined deletes a key or an array item', () => {
    const r: Record<string, unknown> = { a: { b: [1, 2, 3] } };
    expect(getAt(r, ['a', 'b', 1])).toBe(2);
    expect(getAt(r, ['x', 'y'])).toBeUndefined();
    setAt(r, ['a', 'c', 'd'], 'x');
    setAt(r, ['a', 'e', 0], 'y');
    expect(r).toEqual({ a: { b: [1, 2, 3], c: { d: 'x' }, e: ['y'] } });
    setAt(r, ['a', 'b', 1], undefined);
    setAt(r, ['a', 'c', 'd'], undefined);
    setAt(r, ['z', 'q'], undefined);
    expect(r).toEqual({ a: { b: [1, 3], c: {}, e: ['y'] } });
  });
});
