// Regenerates the case statechart diagram in docs/proof.md and docs/state-diagram.md from the machine
// (npm run docs:diagram). test/proof/diagram.test.ts fails while either file holds a stale diagram.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { diagramBlock, withDiagram } from '../machines/case.diagram.js';

const docs = (name: string) => fileURLToPath(new URL(`../docs/${name}`, import.meta.url));

const stateDiagramIntro = `# The case statechart (案件状态图)

Generated from \`machines/case.machine.ts\` by \`machines/case.diagram.ts\` (\`npm run docs:diagram\`); edit the
machine, not this file. Edges carry the event and, in brackets, the guards that must all pass. What the diagram
guarantees, and how that is proved, is in [proof.md](proof.md).

`;

for (const name of ['proof.md', 'state-diagram.md']) {
  const path = docs(name);
  // proof.md is written by hand around its markers; state-diagram.md is created when missing.
  const doc = existsSync(path) || name === 'proof.md' ? readFileSync(path, 'utf8') : `${stateDiagramIntro}${diagramBlock()}\n`;
  writeFileSync(path, withDiagram(doc));
  console.log(`wrote the diagram into docs/${name}`);
}
