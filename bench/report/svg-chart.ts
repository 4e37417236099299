// A small SVG renderer for the benchmark report: horizontal bar panels on a log scale, so a peer at
// a hundred steps/s and a storage limit at tens of thousands fit one picture. Pure: data in, text out.

/** One bar: its label, value and colour group. */
export interface Bar {
  label: string;
  value: number;
  group?: 'engine' | 'limit' | 'peer' | 'read' | 'target';
}
/** One panel: a titled set of bars on a log axis in `unit`. */
export interface Panel {
  title: string;
  unit: string;
  bars: Bar[];
  marker?: { value: number; label: string };
}

const colours: Record<NonNullable<Bar['group']>, string> = {
  engine: '#1f6feb',
  limit: '#6e7781',
  peer: '#cf222e',
  read: '#2da44e',
  target: '#9a6700',
};
const width = 860;
const labelWidth = 300;
const barHeight = 18;
const gap = 8;
const plotWidth = width - labelWidth - 90;

/** Escapes text for XML. */
export function xmlEscape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Formats a value compactly (12,345 → 12.3k; 0.42 → 0.42). */
export function compact(value: number): string {
  if (!Number.isFinite(value)) return 'n/a';
  if (value >= 1e6) return `${(value / 1e6).toFixed(1)}M`;
  if (value >= 1e4) return `${(value / 1e3).toFixed(1)}k`;
  if (value >= 100 || Number.isInteger(value)) return String(Math.round(value));
  if (value >= 1) return value.toFixed(1);
  return value.toFixed(2);
}

/** The decades that span `values` (log10 bounds), at least one decade wide. */
export function logDomain(values: number[]): [number, number] {
  const positive = values.filter((v) => v > 0 && Number.isFinite(v));
  if (positive.length === 0) return [0, 1];
  const lo = Math.floor(Math.log10(Math.min(...positive)));
  const hi = Math.ceil(Math.log10(Math.max(...positive)));
  return [lo, Math.max(hi, lo + 1)];
}

function panelSvg(panel: Panel, top: number): { svg: string; height: number } {
  const values = [...panel.bars.map((b) => b.value), ...(panel.marker ? [panel.marker.value] : [])];
  const [lo, hi] = logDomain(values);
  const x = (v: number) => labelWidth + (v > 0 ? ((Math.log10(v) - lo) / (hi - lo)) * plotWidth : 0);
  const plotTop = top + 28;
  const plotHeight = panel.bars.length * (barHeight + gap);
  const parts = [`<text x="10" y="${top + 16}" font-size="15" font-weight="bold">${xmlEscape(panel.title)}</text>`];
  for (let d = lo; d <= hi; d++) {
    const gx = x(10 ** d);
    parts.push(`<line x1="${gx}" y1="${plotTop - 4}" x2="${gx}" y2="${plotTop + plotHeight}" stroke="#d0d7de"/>`);
    parts.push(
      `<text x="${gx}" y="${plotTop + plotHeight + 14}" font-size="11" text-anchor="middle" fill="#57606a">${compact(10 ** d)}</text>`,
    );
  }
  panel.bars.forEach((bar, i) => {
    const y = plotTop + i * (barHeight + gap);
    const w = Math.max(1, x(bar.value) - labelWidth);
    parts.push(`<text x="${labelWidth - 8}" y="${y + 13}" font-size="12" text-anchor="end">${xmlEscape(bar.label)}</text>`);
    parts.push(`<rect x="${labelWidth}" y="${y}" width="${w.toFixed(1)}" height="${barHeight}" fill="${colours[bar.group ?? 'engine']}"/>`);
    parts.push(`<text x="${(labelWidth + w + 5).toFixed(1)}" y="${y + 13}" font-size="12">${xmlEscape(compact(bar.value))}</text>`);
  });
  if (panel.marker) {
    const mx = x(panel.marker.value);
    parts.push(
      `<line x1="${mx}" y1="${plotTop - 6}" x2="${mx}" y2="${plotTop + plotHeight}" stroke="${colours.target}" stroke-width="2" stroke-dasharray="5,3"/>`,
    );
    parts.push(`<text x="${mx + 4}" y="${plotTop - 8}" font-size="11" fill="${colours.target}">${xmlEscape(panel.marker.label)}</text>`);
  }
  parts.push(
    `<text x="${labelWidth + plotWidth / 2}" y="${plotTop + plotHeight + 30}" font-size="11" text-anchor="middle" fill="#57606a">${xmlEscape(panel.unit)} (log scale)</text>`,
  );
  return { svg: parts.join('\n'), height: plotHeight + 70 };
}

/** Renders panels stacked into one SVG document. */
export function renderChart(title: string, panels: Panel[]): string {
  let top = 40;
  const bodies: string[] = [];
  for (const panel of panels) {
    const p = panelSvg(panel, top);
    bodies.push(p.svg);
    top += p.height;
  }
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${top}" viewBox="0 0 ${width} ${top}" font-family="sans-serif" role="img" aria-label="${xmlEscape(title)}">`,
    `<rect width="${width}" height="${top}" fill="#ffffff"/>`,
    `<text x="10" y="24" font-size="17" font-weight="bold">${xmlEscape(title)}</text>`,
    ...bodies,
    '</svg>',
    '',
  ].join('\n');
}
