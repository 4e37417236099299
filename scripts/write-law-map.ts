// Regenerates docs/law-map.md from the rules and the tests (npm run docs:law-map); test/scripts/law-map.test.ts
// fails while the committed file is stale.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { allRules, lawMapMarkdown, readTestFiles } from './law-map.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const markdown = lawMapMarkdown(allRules(root), readTestFiles(root));
writeFileSync(fileURLToPath(new URL('../docs/law-map.md', import.meta.url)), markdown);
console.log(`wrote docs/law-map.md (${markdown.split('\n').length} lines)`);
