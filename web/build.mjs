/**
 * Builds the editor page into dist/web: web/editor.ts bundled by esbuild (pdf.js included, so that the page needs
 * nothing from the network and pdfjs-dist stays a development dependency), its HTML and CSS, and pdf.js's worker
 * and licence copied from pdfjs-dist. Run by `npm run build` after tsc.
 */
import { copyFileSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const out = join(root, 'dist', 'web');
const pdfjs = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
await build({
  entryPoints: [join(root, 'web', 'editor.ts')],
  outfile: join(out, 'editor.js'),
  bundle: true,
  format: 'esm',
  platform: 'browser',
  target: ['chrome110', 'firefox115', 'safari16.4'],
  minify: true,
  legalComments: 'eof',
  charset: 'utf8',
  logLevel: 'warning',
});
copyFileSync(join(root, 'web', 'index.html'), join(out, 'index.html'));
copyFileSync(join(root, 'web', 'editor.css'), join(out, 'editor.css'));
copyFileSync(join(pdfjs, 'build', 'pdf.worker.min.mjs'), join(out, 'pdf.worker.min.mjs'));
copyFileSync(join(pdfjs, 'LICENSE'), join(out, 'pdfjs-LICENSE.txt'));
const kb = (f) => `${Math.round(statSync(join(out, f)).size / 1024)} KB`;
console.log(`dist/web: editor.js ${kb('editor.js')}, pdf.worker.min.mjs ${kb('pdf.worker.min.mjs')}`);
