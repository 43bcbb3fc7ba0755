/** Test helper: every fixture in fixtures/*.json, rendered once per test file. */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { renderReport, type RenderOptions } from '../../src/index.js';

const DIR = fileURLToPath(new URL('../../fixtures/', import.meta.url));

/** Fixture names (file names without .json), sorted. */
export const FIXTURE_NAMES: readonly string[] = readdirSync(DIR)
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.slice(0, -'.json'.length))
  .sort();

/** The fixture as parsed JSON (a new copy on every call). */
export function fixtureInput(name: string): unknown {
  return JSON.parse(readFileSync(`${DIR}${name}.json`, 'utf8'));
}

const rendered = new Map<string, Promise<Uint8Array>>();

/** The fixture rendered with default options (cached); rejects with ReportValidationError when it does not validate. */
export function renderFixture(name: string, options?: RenderOptions): Promise<Uint8Array> {
  if (options) return renderReport(fixtureInput(name), options);
  let pdf = rendered.get(name);
  if (!pdf) rendered.set(name, (pdf = renderReport(fixtureInput(name))));
  return pdf;
}
