/** `text <file.pdf>`: prints the text stream of a PDF. */
import { readFileSync } from 'node:fs';
import { extractTextStream, formatTextStream } from '../textstream/index.js';
import { InputError } from './readReportFile.js';

/** Prints the formatted text stream; an unreadable file is an input error. */
export function textCommand(file: string, out: (s: string) => void): number {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    throw new InputError(`${file}: cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  try {
    out(formatTextStream(extractTextStream(bytes)).trimEnd());
  } catch (e) {
    throw new InputError(`${file}: ${(e as Error).message}`);
  }
  return 0;
}
