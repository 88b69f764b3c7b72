/** The whole style sheet, inlined so the page needs nothing beside it; system fonts only, and print rules for A4. */
export const PAGE_CSS = `
:root { color-scheme: light; --ink: #1b1f24; --muted: #57606a; --rule: #d0d7de; --paper: #ffffff; --wash: #f6f8fa; --link: #0a4fb0; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; background: var(--wash); color: var(--ink); font: 15px/1.5 system-ui, -apple-system, "Segoe UI", "Liberation Sans", "DejaVu Sans", Arial, sans-serif; }
main, header.page, footer.page { max-width: 1120px; margin: 0 auto; padding: 0 28px; }
header.page { padding-top: 28px; }
a { color: var(--link); }
a:focus-visible { outline: 2px solid var(--link); outline-offset: 2px; }
code, .mono { font-family: ui-monospace, "DejaVu Sans Mono", "Liberation Mono", Menlo, Consolas, monospace; font-size: 0.92em; }
h1 { font-size: 28px; margin: 0 0 4px; letter-spacing: -0.01em; }
h2 { font-size: 20px; margin: 36px 0 10px; padding-bottom: 6px; border-bottom: 2px solid var(--ink); }
h3 { font-size: 16px; margin: 0; }
.org { font-size: 18px; color: var(--ink); margin: 0; }
.generated { color: var(--muted); margin: 2px 0 0; }
.card { background: var(--paper); border: 1px solid var(--rule); border-radius: 8px; padding: 18px 20px; }
.headline { display: grid; grid-template-columns: auto 1fr; gap: 8px 28px; align-items: center; margin-top: 20px; }
.percent { font-size: 52px; font-weight: 700; line-height: 1; font-variant-numeric: tabular-nums; }
.percent small { display: block; font-size: 13px; font-weight: 600; color: var(--muted); letter-spacing: 0.04em; text-transform: uppercase; margin-top: 6px; }
.headline p { margin: 0 0 8px; }
.bar { display: flex; height: 14px; border-radius: 7px; overflow: hidden; border: 1px solid var(--rule); background: var(--wash); }
.bar span { display: block; height: 100%; }
.strip { display: flex; flex-wrap: wrap; gap: 8px; margin: 14px 0 0; padding: 0; list-style: none; }
.strip li { display: flex; }
.strip .chip { font-size: 14px; padding: 4px 12px; }
.strip .chip b { font-variant-numeric: tabular-nums; margin-right: 2px; }
.legend { margin: 16px 0 0; color: var(--ink); }
.legend .chip { font-size: 12px; padding: 0 7px; }
.chip { display: inline-flex; align-items: center; gap: 4px; white-space: nowrap; border-radius: 999px; padding: 1px 9px; font-size: 13px; font-weight: 600; border: 1px solid; }
.icon { font-weight: 700; }
/* Okabe–Ito hues (distinguishable with the common colour-vision deficiencies), as tints with dark text for contrast. */
.st-uncovered   { background: #fbe3d4; color: #6e2800; border-color: #d55e00; }
.st-drafted     { background: #f6e4ef; color: #5b1f45; border-color: #cc79a7; border-style: dashed; }
.st-documented  { background: #fdf0c8; color: #5c4000; border-color: #e69f00; }
.st-controlled  { background: #dcedfa; color: #0b3d66; border-color: #56b4e9; }
.st-implemented { background: #d2f0e5; color: #00513b; border-color: #009e73; }
.st-excepted    { background: repeating-linear-gradient(135deg, #eeeeee 0 6px, #e2e2e2 6px 12px); color: #333333; border-color: #8c8c8c; }
.bar .st-uncovered { background: #d55e00; } .bar .st-drafted { background: #cc79a7; } .bar .st-documented { background: #e69f00; } .bar .st-controlled { background: #56b4e9; }
.bar .st-implemented { background: #009e73; } .bar .st-excepted { background: #9a9a9a; }
.overview { display: grid; grid-template-columns: minmax(150px, max-content) 1fr; gap: 8px 16px; align-items: start; }
.overview h3 { padding-top: 3px; }
.overview h3 small { display: block; font-weight: 400; color: var(--muted); font-size: 12px; }
.tiles { display: flex; flex-wrap: wrap; gap: 4px; margin: 0; padding: 0; list-style: none; }
.tiles a { display: inline-flex; gap: 4px; align-items: center; border-radius: 4px; padding: 2px 7px; font-size: 12px; font-weight: 600; text-decoration: none; border: 1px solid; min-width: 66px; }
.tiles a:hover { text-decoration: underline; }
section.category { margin-top: 28px; break-inside: auto; }
.cat-head { display: flex; flex-wrap: wrap; gap: 4px 16px; align-items: baseline; justify-content: space-between; margin-bottom: 8px; }
.cat-head .counts { color: var(--muted); font-size: 13px; }
table { width: 100%; border-collapse: separate; border-spacing: 0; background: var(--paper); border: 1px solid var(--rule); border-radius: 8px; overflow: hidden; }
caption { text-align: left; font-weight: 700; font-size: 16px; padding: 0 0 8px; }
th, td { text-align: left; vertical-align: top; padding: 8px 12px; border-bottom: 1px solid var(--rule); }
tr:last-child > th, tr:last-child > td { border-bottom: 0; }
thead th { background: var(--wash); font-size: 12px; text-transform: uppercase; letter-spacing: 0.04em; color: var(--muted); }
tbody th { font-weight: 700; border-left: 6px solid var(--rule); }
tbody th.crit-id { white-space: nowrap; }
tr.row-uncovered > th { border-left-color: #d55e00; } tr.row-documented > th { border-left-color: #e69f00; }
tr.row-controlled > th { border-left-color: #56b4e9; } tr.row-implemented > th { border-left-color: #009e73; }
tr.row-excepted > th { border-left-color: #9a9a9a; }
.vh { position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
tbody th.crit-id { font-family: ui-monospace, "DejaVu Sans Mono", "Liberation Mono", Menlo, Consolas, monospace; font-size: 14px; }
tbody tr:target { outline: 3px solid var(--link); outline-offset: -3px; }
td.status { white-space: nowrap; width: 1%; }
td.summary { color: var(--ink); }
col.c-id { width: 8em; } col.c-docs { width: 34%; } col.c-topic { width: 38%; }
table.index td.path { overflow-wrap: anywhere; }
table.index tbody th { border-left: 1px solid var(--rule); font-weight: 600; white-space: nowrap; }
.docs { list-style: none; margin: 0; padding: 0; }
.docs li { margin: 0 0 2px; }
.doc-id { font-family: ui-monospace, "DejaVu Sans Mono", "Liberation Mono", Menlo, Consolas, monospace; font-size: 13px; }
.doc-meta { color: var(--muted); font-size: 12px; }
.none { color: var(--muted); font-style: italic; }
.na { font-style: italic; }
.exceptions { margin: 0; padding: 0; list-style: none; }
.exceptions li { background: var(--paper); border: 1px solid var(--rule); border-left: 6px solid #8c8c8c; border-radius: 6px; padding: 8px 12px; margin-bottom: 6px; }
.exceptions .crit-id { font-weight: 700; margin-right: 6px; }
.exceptions .cat { color: var(--muted); font-size: 13px; }
.note { color: var(--muted); }
footer.page { color: var(--muted); font-size: 13px; padding-bottom: 32px; margin-top: 36px; }
footer.page p { margin: 0; padding-top: 12px; border-top: 1px solid var(--rule); }
@media (max-width: 720px) {
  main, header.page, footer.page { padding: 0 12px; }
  .headline, .overview { grid-template-columns: 1fr; }
}
@media print {
  @page { size: A4 portrait; margin: 14mm 12mm; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  body { background: #ffffff; font-size: 10.5pt; }
  main, header.page, footer.page { max-width: none; padding: 0; }
  .card, table { border-radius: 0; }
  a { color: inherit; text-decoration: none; }
  h2 { break-after: avoid; }
  .cat-head, caption, thead { break-after: avoid; }
  tr, .exceptions li, .overview > * { break-inside: avoid; }
  thead { display: table-header-group; }
  .tiles a { min-width: 0; }
}
`;
