// Regenerates the case statechart diagram in docs/proof.md, docs/state-diagram.md and README.md from the machine
// (npm run docs:diagram). test/proof/diagram.test.ts fails while either file holds a stale diagram.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { diagramBlock, withDiagram } from '../machines/case/case.diagram.js';

const fromRoot = (name: string) => fileURLToPath(new URL(`../${name}`, import.meta.url));

const stateDiagramIntro = `# The case statechart (案件状态图)

Generated from \`machines/case.machine.ts\` by \`machines/case.diagram.ts\` (\`npm run docs:diagram\`); edit the
machine, not this file. Edges carry the event and, in brackets, the guards that must all pass. What the diagram
guarantees, and how that is proved, is in [proof.md](proof.md).

`;

for (const name of ['docs/proof.md', 'docs/state-diagram.md', 'README.md']) {
  const path = fromRoot(name);
  // proof.md and README.md are written by hand around their markers; state-diagram.md is created when missing.
  const doc = existsSync(path) || name !== 'docs/state-diagram.md' ? readFileSync(path, 'utf8') : `${stateDiagramIntro}${diagramBlock()}\n`;
  writeFileSync(path, withDiagram(doc));
  console.log(`wrote the diagram into ${name}`);
}
