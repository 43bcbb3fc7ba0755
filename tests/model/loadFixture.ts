/** Test helper: a fresh deep copy of the seed fixture. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { normalizePunctuation, type Report } from '../../src/model/index.js';

const FIXTURE = fileURLToPath(new URL('../../fixtures/linyi-minzheng-2017.json', import.meta.url));

/** The seed fixture as parsed JSON (a new copy on every call, safe to mutate). */
export function loadFixture(): Report & Record<string, unknown> {
  return JSON.parse(readFileSync(FIXTURE, 'utf8')) as Report & Record<string, unknown>;
}

/** The fixture with punctuation normalised, the doubled 。。 fixed and every statistics value 0: it validates with no warnings. */
export function cleanReport(): Report {
  const report = normalizePunctuation(loadFixture()).report;
  const item = report.sections.proactiveDisclosure!.blocks[0];
  if (item?.type === 'subsection' && item.blocks[0]?.type === 'list') {
    const first = item.blocks[0].items[0]!;
    first.text = first.text.replace('。。', '。');
  }
  for (const id of Object.keys(report.statistics!.values)) report.statistics!.values[id] = 0;
  return report;
}
