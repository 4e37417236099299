// Styles for the auditor's pages under the desk's CSP (`style-src 'self'`: no inline <style>). The chain
// picture and the printable case file carry inline styles; here those become linked stylesheets.
import { responsibilitySvgStyles } from '../../audit/responsibility-svg.js';
import { caseFileStyles } from '../../audit/case-file-page.js';

/** Where the two stylesheets are served (behind the desk's sign-in and the audit role check). */
export const auditCssPath = '/desk/audit/static/audit.css';
export const caseFileCssPath = '/desk/audit/static/case-file.css';

/** Prefixes every selector of a flat stylesheet (no @-rules) with `scope`, so its rules touch nothing else. */
export function scopeCss(css: string, scope: string): string {
  return css
    .split('}')
    .map((rule) => rule.trim())
    .filter(Boolean)
    .map((rule) => {
      const [selectors = '', body = ''] = rule.split('{');
      return `${selectors
        .split(',')
        .map((s) => `${scope} ${s.trim()}`)
        .join(',')}{${body}}`;
    })
    .join('\n');
}

/** The chain SVG without its inline <style> (blocked by the CSP); its rules live in `auditCss`, scoped. */
export function svgForDesk(svg: string): string {
  return svg.replace(`<style>${responsibilitySvgStyles}</style>`, '');
}

/** The printable case file with its inline styles replaced by one linked stylesheet of the same rules. */
export function caseFileForDesk(html: string): string {
  return html
    .replace(`<style>${caseFileStyles}</style>`, `<link rel="stylesheet" href="${caseFileCssPath}">`)
    .replace(`<style>${responsibilitySvgStyles}</style>`, '');
}

/** The printable case file's rules, in the order the standalone page has them (page, then picture). */
export const caseFileCss = `${caseFileStyles}\n${responsibilitySvgStyles}\n`;

/** The auditor pages' own rules (on top of desk.css, whose colour variables they use) and the picture's. */
export const auditCss = `
form.search { display:flex; flex-wrap:wrap; gap:.5rem 1rem; align-items:flex-end; margin-bottom:1rem; }
form.search label { margin:0; flex-basis:100%; }
form.search input[type=search] { font:inherit; padding:.45rem .6rem; border:1px solid #767676; border-radius:4px; width:100%; max-width:28rem; }
.result { border-left:6px solid var(--line); background:#fff; padding:.75rem 1rem; margin:.75rem 0; }
.result.ok { border-color:var(--ok-ink); }
.result.bad { border-color:var(--bad); }
.result .verdict { font-weight:700; margin:0 0 .5rem; }
.result.ok .verdict { color:var(--ok-ink); }
.result.bad .verdict { color:var(--bad); }
.badge.refused { background:var(--bad); color:#fff; }
.badge.accepted { background:var(--ok-bg); color:var(--ok-ink); }
table.timeline tr.refused td { background:#fdf0f0; }
table.timeline tr.refused td:first-child { border-left:4px solid var(--bad); }
table.timeline td, table.chain td { font-size:.95rem; }
td.nowrap, .nowrap { white-space:nowrap; }
figure.chain-figure { background:#fff; border:1px solid var(--line); border-radius:6px; padding:.75rem; margin:0 0 1rem; }
figure.chain-figure svg { display:block; max-width:100%; height:auto; margin:0 auto; }
figure.chain-figure figcaption { color:var(--muted); margin-top:.5rem; }
ul.exports { list-style:none; padding:0; display:flex; flex-wrap:wrap; gap:1rem; }
${scopeCss(responsibilitySvgStyles, 'figure.chain-figure svg')}
`;
