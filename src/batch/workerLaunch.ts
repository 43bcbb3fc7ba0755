/**
 * The render worker's entry point as built (dist/src/batch/renderWorker.cjs, a CommonJS script): runs the worker
 * (renderWorker.ts) and the library, bundled into one file (dist/src/batch/renderWorker.bundle.cjs), with V8's code
 * cache (codeCache.ts). A new thread then starts without compiling again the code an earlier one compiled: it is
 * ready sooner and its first reports render sooner. The entry is written once the thread has rendered its first
 * report, so that it holds the code of a whole render.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileCachedBundle } from '../codeCache.js';

/** SHA-256 of the bundle's contents, set by scripts/bundle.mjs when it builds this file. */
declare const __BUNDLE_HASH__: string;

const { saveCodeCache, run } = compileCachedBundle(join(dirname(fileURLToPath(import.meta.url)), 'renderWorker.bundle.cjs'), 'worker', __BUNDLE_HASH__);
(run().runRenderWorker as (afterFirstRender?: () => void) => void)(saveCodeCache);
