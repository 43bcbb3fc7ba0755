/** `text <file.pdf>`: prints the text stream of a PDF. */
import { extractTextStream, formatTextStream, TextStreamLimitError } from '../textstream/index.js';
import { InputError } from './inputError.js';
import { readCapped } from './readInput.js';

/** Largest PDF read (a report's PDF is well under a megabyte; fonts of its own may add a few). */
const MAX_PDF_BYTES = 256 * 1024 * 1024;

/**
 * Prints the formatted text stream. An unreadable file, a PDF the reader does not support and a PDF beyond one of
 * the reader's limits are input errors, each with a message naming the file.
 */
export function textCommand(file: string, out: (s: string) => void): number {
  const bytes = readCapped(file, MAX_PDF_BYTES);
  let text: string;
  try {
    text = formatTextStream(extractTextStream(bytes)).trimEnd();
  } catch (e) {
    if (e instanceof TextStreamLimitError) {
      throw new InputError(`${file}：${e.message}命令行使用默认上限；需要更大的上限时，请在代码中调用 extractTextStream(pdf, { limits: { ${e.limit}: … } })。`);
    }
    throw new InputError(`${file}：无法读出文字流，不是本工具生成的 PDF 或文件已损坏（${e instanceof Error ? e.message : String(e)}）`);
  }
  out(text);
  return 0;
}
