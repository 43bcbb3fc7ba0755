/** Rewrites the generated blocks of README.md (sections, statistics rows, rules, font roles). */
import { readFileSync, writeFileSync } from 'node:fs';
import { updateReadme } from './readmeTables.js';

const file = new URL('../README.md', import.meta.url);
writeFileSync(file, updateReadme(readFileSync(file, 'utf8')));
console.log('README.md updated');
