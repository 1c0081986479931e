import { fontStack } from '../charts/chart-theme.ts';

/** The page's only stylesheet, inlined: system fonts, no external resource of any kind. */
export const pageStyle = `
:root { --ink: #0f172a; --muted: #64748b; --line: #e2e8f0; --soft: #f8fafc; --accent: #1d4ed8; --bad: #b91c1c; --good: #15803d; --amber: #92400e; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; font-family: ${fontStack}; color: var(--ink); background: #f1f5f9; line-height: 1.45; font-size: 14px; }
header.page { background: #0f172a; color: #f8fafc; padding: 28px 0 22px; }
header.page .inner, main, footer { max-width: 1320px; margin: 0 auto; padding: 0 28px; }
header.page h1 { margin: 0 0 4px; font-size: 26px; font-weight: 650; letter-spacing: -0.01em; }
header.page .sub { color: #cbd5e1; font-size: 13px; }
header.page code { color: #e2e8f0; }
nav.toc { margin-top: 14px; display: flex; flex-wrap: wrap; gap: 6px 16px; font-size: 13px; }
nav.toc a { color: #93c5fd; text-decoration: none; }
nav.toc a:hover { text-decoration: underline; }
.banner { margin: 18px auto 0; max-width: 1264px; padding: 12px 16px; border-radius: 8px; background: #fef3c7; border: 1px solid #f59e0b; color: var(--amber); font-size: 14px; }
.banner strong { text-transform: uppercase; letter-spacing: 0.04em; margin-right: 6px; }
section { background: #fff; border: 1px solid var(--line); border-radius: 10px; padding: 20px 22px; margin: 18px 0; }
section > h2 { margin: 0 0 4px; font-size: 18px; font-weight: 650; }
section > p.lead { margin: 0 0 14px; color: var(--muted); }
h3 { font-size: 15px; margin: 18px 0 6px; }
.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(220px, 1fr)); gap: 12px; margin: 18px 0; }
.card { background: #fff; border: 1px solid var(--line); border-radius: 10px; padding: 14px 16px; }
.card-label { color: var(--muted); font-size: 12px; text-transform: uppercase; letter-spacing: 0.05em; }
.card-value { font-size: 19px; font-weight: 650; margin-top: 4px; overflow-wrap: anywhere; }
.card-detail { font-size: 15px; margin-top: 2px; }
.card-note { color: var(--muted); font-size: 12px; margin-top: 2px; overflow-wrap: anywhere; }
.table-wrap { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; font-size: 13px; }
caption { caption-side: bottom; text-align: left; color: var(--muted); font-size: 12px; padding-top: 8px; }
th, td { padding: 7px 8px; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; }
th { background: var(--soft); font-weight: 600; white-space: nowrap; position: sticky; top: 0; }
th button { all: unset; cursor: pointer; }
th button:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; }
th[aria-sort="ascending"] button::after { content: " ▲"; font-size: 10px; }
th[aria-sort="descending"] button::after { content: " ▼"; font-size: 10px; }
.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tbody tr:nth-child(even) { background: #fbfdff; }
tbody tr:hover { background: #eff6ff; }
.figure { display: block; }
.ci { display: block; color: var(--muted); font-size: 11px; }
.model { font-weight: 600; white-space: nowrap; }
.warn { color: var(--bad); }
.muted { color: var(--muted); }
.tag { background: #dbeafe; color: var(--accent); border-radius: 4px; padding: 0 5px; font-size: 11px; }
code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 12px; }
code.sample { white-space: pre-wrap; overflow-wrap: anywhere; background: var(--soft); border: 1px solid var(--line); border-radius: 4px; padding: 1px 4px; display: inline-block; max-width: 340px; }
figure { margin: 0 0 26px; }
figure h3 { margin-top: 0; }
figure .chart { overflow-x: auto; }
figure svg { max-width: 100%; height: auto; }
figcaption { color: var(--muted); font-size: 12.5px; max-width: 820px; margin-top: 4px; }
figcaption a { color: var(--accent); }
.verdict { font-weight: 600; text-transform: uppercase; font-size: 11px; letter-spacing: 0.04em; }
.verdict.regression { color: var(--bad); }
.verdict.improvement { color: var(--good); }
.verdict.unchanged, .verdict.no-data { color: var(--muted); }
tr.regression { background: #fef2f2 !important; }
.verdict-line { padding: 10px 14px; border-radius: 8px; background: var(--soft); border: 1px solid var(--line); }
.verdict-line.bad { background: #fef2f2; border-color: #fca5a5; }
.verdict-line.good { background: #f0fdf4; border-color: #86efac; }
.note { color: var(--amber); }
ul.method li, ul.notes li { margin: 4px 0; }
footer { color: var(--muted); font-size: 12px; padding-bottom: 30px; }
@media print {
  body { background: #fff; font-size: 11px; }
  header.page { background: #fff; color: var(--ink); padding: 0; }
  header.page .sub, header.page code { color: var(--ink); }
  nav.toc, th button::after { display: none; }
  section { border: none; padding: 0; break-inside: avoid-page; }
  figure { break-inside: avoid; }
}
`;
