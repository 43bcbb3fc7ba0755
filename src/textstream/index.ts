/**
 * A small PDF text-stream reader for this library's own output, for tests of typesetting and extraction.
 * Coordinates are points with y measured down from the top of the page (as the library composes); x from the left edge.
 * `formatTextStream` prints one line per text line: `p3 y=612.35 x=79.37 NotoSansSCThin-Regular 16 tc=0.42 | text`.
 * It treats its input as hostile: every cost an input controls has a budget (`extractTextStream(pdf, { limits })`).
 */
export { extractTextStream, groupLines, BASELINE_TOLERANCE, type TextStream, type TextPage, type TextLine, type TextGlyph } from './textStream.js';
export { formatTextStream, formatTextLine, summarizeTextStream, GAP_MARK } from './format.js';
export {
  DEFAULT_TEXT_STREAM_LIMITS,
  TextStreamLimitError,
  type ExtractTextStreamOptions,
  type TextStreamLimitName,
  type TextStreamLimits,
} from './limits.js';
