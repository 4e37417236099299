// The responsibility chain as a picture: one swimlane per role (承办人, 法制审核, 集体讨论, 负责人), one box per
// act in record order, grouped by draft version, arrows in the order things happened. Pure string output;
// every text from the record is XML-escaped, so a hostile opinion or name cannot inject markup.
import type { ChainLink, ResponsibilityChain } from './responsibility.js';
import { chinaTime, roleLabel } from './event-labels.js';

const lanes = [
  { role: 'handler', title: '承办人（承办机构）' },
  { role: 'reviewer', title: '法制审核人员' },
  { role: 'discussant', title: '集体讨论成员' },
  { role: 'head', title: '负责人' },
] as const;

const LANE_W = 250;
const BOX_W = 230;
const BOX_H = 74;
const ROW_H = 88;
const BAND_H = 34;
const TOP = 56;
const MARGIN = 16;

/** Escapes text for XML content and attribute values. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}

// Characters, not pixels: CJK glyphs are about twice as wide as Latin ones, so the clip is conservative.
const clip = (text: string, max: number): string => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
const when = (at: string): string => chinaTime(at, false);

function credentialLine(link: ChainLink): string {
  const a = link.actor;
  if (!a) return '';
  if (link.role === 'handler') return `执法证 ${a.certificateNo ?? '无'}（${a.certified ? '有效' : '无效'}）`;
  if (link.role === 'reviewer') return `法律职业资格 ${a.qualificationNo ?? '无'}（${a.qualified ? '有效' : '无效'}）`;
  return '';
}

function text(x: number, y: number, content: string, cls: string): string {
  return `<text x="${x}" y="${y}" class="${cls}">${escapeXml(content)}</text>`;
}

function box(link: ChainLink, x: number, y: number): string {
  const strong = link.step === 'decision' || link.step === 'attestation' || link.step === 'review';
  const lines = [
    text(x + 10, y + 18, clip(`${link.name}（${roleLabel(link.role)}）`, 20), 'name'),
    text(x + 10, y + 35, clip(link.attested, 22), 'act'),
    text(x + 10, y + 51, clip(credentialLine(link), 26), 'cred'),
    text(x + 10, y + 66, `#${link.entry.id} ${link.entry.hash.slice(0, 8)} ${when(link.at)}`, 'meta'),
  ];
  return `<g class="link ${link.step}"><rect x="${x}" y="${y}" width="${BOX_W}" height="${BOX_H}" rx="6" class="${strong ? 'box strong' : 'box'}"/>${lines.join('')}</g>`;
}

function arrow(from: { x: number; y: number }, to: { x: number; y: number }): string {
  const [x1, y1, x2, y2] = [from.x + BOX_W / 2, from.y + BOX_H, to.x + BOX_W / 2, to.y];
  const mid = (y1 + y2) / 2;
  return `<path d="M${x1},${y1} C${x1},${mid} ${x2},${mid} ${x2},${y2 - 2}" class="flow" marker-end="url(#arrow)"/>`;
}

const styles = `text{font-family:"Noto Sans CJK SC","Source Han Sans SC","Microsoft YaHei",sans-serif;fill:#1f2933}
.lane{font-size:14px;font-weight:700}.band{font-size:12px;font-weight:700;fill:#334e68}.name{font-size:13px;font-weight:700}
.act{font-size:12px}.cred{font-size:11px;fill:#486581}.meta{font-size:10px;fill:#627d98;font-family:monospace}
.box{fill:#fff;stroke:#9fb3c8;stroke-width:1}.box.strong{stroke:#243b53;stroke-width:2}.flow{fill:none;stroke:#829ab1;stroke-width:1.2}
.laneBg{fill:#f0f4f8}.bandLine{stroke:#bcccdc;stroke-dasharray:4 3}`;

/** The picture's stylesheet (inlined in the SVG), for hosts whose CSP forbids inline styles (the review desk). */
export const responsibilitySvgStyles = styles;

/** Renders the chain as a standalone SVG document string. */
export function renderResponsibilitySvg(chain: ResponsibilityChain): string {
  const width = MARGIN * 2 + LANE_W * lanes.length;
  const parts: string[] = [];
  const placed: { x: number; y: number }[] = [];
  let y = TOP;
  for (const draft of chain.drafts) {
    parts.push(`<line x1="${MARGIN}" y1="${y + 4}" x2="${width - MARGIN}" y2="${y + 4}" class="bandLine"/>`);
    parts.push(text(MARGIN + 6, y + 22, `第${draft.version}稿 · ${draft.hash.slice(0, 16)}… · ${when(draft.at)}`, 'band'));
    y += BAND_H;
    for (const link of draft.links) {
      const lane = lanes.findIndex((l) => l.role === link.role);
      const x = MARGIN + Math.max(lane, 0) * LANE_W + (LANE_W - BOX_W) / 2;
      placed.push({ x, y });
      parts.push(box(link, x, y));
      y += ROW_H;
    }
  }
  const height = y + MARGIN;
  const arrows = placed.slice(1).map((to, i) => arrow(placed[i]!, to));
  const backgrounds = lanes.map((lane, i) => {
    const x = MARGIN + i * LANE_W;
    return `<rect x="${x + 2}" y="${MARGIN}" width="${LANE_W - 4}" height="${height - 2 * MARGIN}" rx="8" class="laneBg"/>${text(x + 12, MARGIN + 24, lane.title, 'lane')}`;
  });
  const decision = chain.decision ? `决定基于第${chain.decision.draftVersion}稿 ${chain.decision.draftHash.slice(0, 16)}…` : '尚未作出决定';
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-labelledby="rc-title rc-desc">` +
    `<title id="rc-title">责任链：案件 ${escapeXml(chain.caseId)}</title><desc id="rc-desc">${escapeXml(`${chain.drafts.length} 稿，${placed.length} 个环节；${decision}`)}</desc>` +
    `<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#829ab1"/></marker><style>${styles}</style></defs>` +
    backgrounds.join('') +
    arrows.join('') +
    parts.join('') +
    '</svg>'
  );
}
