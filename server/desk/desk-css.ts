// The desk's one stylesheet, served from /desk/static/desk.css. Colours keep at least 4.5:1 contrast
// (WCAG AA) and every focusable control gets a thick visible focus ring.

/** The stylesheet text. */
export const deskCss = `
:root { --ink:#1a1a1a; --muted:#4a4a4a; --line:#c8c8c8; --brand:#0b4f8a; --brand-ink:#fff; --bg:#f6f7f9; --focus:#b35c00;
  --bad:#a4161a; --warn-bg:#ffe8a3; --warn-ink:#4d3800; --ok-bg:#d7eee0; --ok-ink:#0f5132; }
* { box-sizing: border-box; }
body { margin:0; font-family:"Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Microsoft YaHei",system-ui,sans-serif;
  color:var(--ink); background:var(--bg); line-height:1.6; font-size:16px; }
a { color:var(--brand); }
:focus-visible { outline:3px solid var(--focus); outline-offset:2px; }
.skip { position:absolute; left:-9999px; top:0; background:#fff; padding:.5rem 1rem; z-index:10; }
.skip:focus { left:1rem; top:1rem; }
header.top { background:var(--brand); color:var(--brand-ink); padding:.5rem 1.25rem; display:flex; flex-wrap:wrap; gap:1rem; align-items:center; justify-content:space-between; }
header.top a, header.top .who { color:var(--brand-ink); }
header.top .brand { font-weight:700; font-size:1.1rem; text-decoration:none; }
nav.main ul { list-style:none; display:flex; flex-wrap:wrap; gap:1rem; margin:0; padding:0; }
nav.main a[aria-current="page"] { font-weight:700; text-decoration-thickness:3px; }
.tools { display:flex; gap:.75rem; align-items:center; flex-wrap:wrap; }
.tools form { margin:0; }
.linkish { background:none; border:1px solid var(--brand-ink); color:var(--brand-ink); padding:.2rem .6rem; border-radius:4px; font:inherit; cursor:pointer; }
main { max-width:72rem; margin:0 auto; padding:1.25rem; }
h1 { font-size:1.6rem; margin:.5rem 0 1rem; }
h2 { font-size:1.25rem; margin:1.75rem 0 .75rem; border-bottom:2px solid var(--line); padding-bottom:.25rem; }
h3 { font-size:1.05rem; margin:1.25rem 0 .5rem; }
section.card > h2:first-child { margin-top:0; }
section.card, form.card, details.card { background:#fff; border:1px solid var(--line); border-radius:6px; padding:1rem 1.25rem; margin-bottom:1rem; }
table { border-collapse:collapse; width:100%; background:#fff; }
caption { text-align:left; color:var(--muted); padding:.25rem 0; }
th, td { border:1px solid var(--line); padding:.5rem .6rem; text-align:left; vertical-align:top; }
th { background:#eef1f5; }
dl.facts { display:grid; grid-template-columns:minmax(8rem, 14rem) 1fr; gap:.4rem 1rem; margin:0; }
dl.facts dt { font-weight:700; color:var(--muted); }
dl.facts dd { margin:0; white-space:pre-wrap; }
.hash { font-family:ui-monospace,"Noto Sans Mono CJK SC",monospace; word-break:break-all; font-size:.9rem; }
.badge { display:inline-block; padding:.1rem .5rem; border-radius:4px; font-size:.9rem; font-weight:700; }
.badge.overdue { background:var(--bad); color:#fff; }
.badge.soon { background:var(--warn-bg); color:var(--warn-ink); }
.badge.ok { background:var(--ok-bg); color:var(--ok-ink); }
.badge.age { background:#e6e9ee; color:var(--ink); }
.badge.state { background:#e3edf7; color:#0a3d6b; }
.notice { border-left:6px solid var(--brand); background:#fff; padding:.75rem 1rem; margin:0 0 1rem; }
.notice.error { border-color:var(--bad); }
.notice.success { border-color:var(--ok-ink); }
.error-text { color:var(--bad); font-weight:700; margin:.25rem 0; }
label { font-weight:600; display:block; margin:.5rem 0 .25rem; }
input[type=text], input[type=password], textarea, select { font:inherit; padding:.45rem .6rem; border:1px solid #767676; border-radius:4px; width:100%; max-width:40rem; background:#fff; color:var(--ink); }
textarea { min-height:5rem; }
textarea.short { min-height:2.8rem; }
.member-row { display:grid; grid-template-columns:repeat(auto-fit, minmax(14rem, 1fr)); gap:0 1rem; }
details.card > summary { cursor:pointer; font-weight:700; color:var(--brand); }
details.card[open] > summary { margin-bottom:.5rem; }
fieldset { border:1px solid var(--line); border-radius:6px; margin:0 0 .9rem; padding:.6rem 1rem 1rem; background:#fff; }
fieldset.invalid { border:2px solid var(--bad); }
legend { font-weight:700; padding:0 .3rem; }
.choice { display:inline-flex; align-items:center; gap:.35rem; margin-right:1.5rem; font-weight:400; }
.choice input { width:1.15rem; height:1.15rem; }
button.primary, button.secondary, a.button { font:inherit; padding:.5rem 1.1rem; border-radius:4px; cursor:pointer; display:inline-block; text-decoration:none; }
button.primary, a.button { background:var(--brand); color:#fff; border:2px solid var(--brand); }
button.secondary { background:#fff; color:var(--brand); border:2px solid var(--brand); }
.actions-list { display:flex; flex-wrap:wrap; gap:1rem; align-items:flex-start; }
.actions-list form { margin:0; }
ol.history { list-style:none; padding:0; margin:0; }
ol.history > li { background:#fff; border:1px solid var(--line); border-radius:6px; padding:.5rem .9rem; margin-bottom:.5rem; }
ol.history .meta { color:var(--muted); font-size:.92rem; }
ol.history .refused { color:var(--bad); }
.diff del { background:#fde2e1; color:#6b0d0d; }
.diff ins { background:#dcf3e2; color:#0b3d1f; text-decoration:none; }
.diff .line { white-space:pre-wrap; display:block; }
.muted { color:var(--muted); }
.hint { color:var(--muted); font-size:.92rem; margin:.15rem 0 .4rem; }
figure.evidence-file { margin:.5rem 0 1rem; padding:.5rem; border:1px solid var(--line); border-radius:6px; background:#fafbfc; }
figure.evidence-file figcaption { font-size:.92rem; margin-top:.35rem; white-space:normal; }
.evidence-pdf { width:100%; height:28rem; border:1px solid var(--line); background:#fff; }
.evidence-image { max-width:100%; max-height:28rem; display:block; }
.evidence-video { max-width:100%; max-height:24rem; display:block; background:#000; }
figure.evidence-file audio { width:100%; max-width:40rem; }
.badge.paused { background:#e8e0f5; color:#3d2466; border:1px dashed #3d2466; }
.badge.overdue::before { content:"! "; }
button, a.button { white-space:nowrap; }
nav.tabs ul { list-style:none; display:flex; flex-wrap:wrap; gap:.4rem; margin:0 0 1rem; padding:0; }
nav.tabs a { display:inline-block; padding:.35rem .8rem; border:1px solid var(--line); border-radius:4px; background:#fff; text-decoration:none; white-space:nowrap; }
nav.tabs a[aria-current="page"] { background:var(--brand); color:#fff; border-color:var(--brand); font-weight:700; }
form.filters { display:flex; flex-wrap:wrap; gap:.25rem 1rem; align-items:flex-end; }
form.filters .field { flex:1 1 10rem; min-width:9rem; max-width:16rem; }
form.filters .field.wide { max-width:none; }
form.filters .field.wide { flex:2 1 18rem; }
form.filters .field.buttons { display:flex; gap:1rem; align-items:center; flex:0 0 auto; padding-bottom:.3rem; }
form.filters .hint { margin-bottom:0; }
input[type=search], input[type=date] { font:inherit; padding:.45rem .6rem; border:1px solid #767676; border-radius:4px; width:100%; background:#fff; color:var(--ink); }
nav.pager { display:flex; gap:1.5rem; margin:1rem 0; }
.counter { color:var(--muted); font-size:.9rem; margin:.15rem 0; }
.field-error { color:var(--bad); font-weight:700; margin:.25rem 0; }
[aria-invalid="true"] { border:2px solid var(--bad); }
.actions-list form, .quick form { margin:0 0 .5rem; }
@media (max-width: 40rem) {
  main { padding:.75rem; }
  header.top { padding:.5rem .75rem; }
  table.cases, table.cases tbody, table.cases tr, table.cases td { display:block; width:100%; }
  table.cases thead { position:absolute; left:-9999px; }
  table.cases caption { display:block; }
  table.cases tr { border:1px solid var(--line); border-radius:6px; margin-bottom:.75rem; background:#fff; }
  table.cases td { border:none; border-bottom:1px solid #e6e6e6; }
  table.cases td::before { content:attr(data-label); display:block; font-weight:700; color:var(--muted); font-size:.85rem; }
  dl.facts { grid-template-columns:1fr; }
  th, td { word-break:normal; overflow-wrap:anywhere; }
}
`;
