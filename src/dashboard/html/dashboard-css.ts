/**
 * The dashboard's one stylesheet, served at `${basePath}/dashboard.css`: the pages' CSP allows
 * no inline style. Colours are GitHub's Primer palette, each text pair at least 4.5:1 (WCAG
 * AA), in a light and a dark scheme chosen by the visitor's system setting.
 */
export const dashboardCss = `
:root {
  color-scheme: light dark;
  --bg: #ffffff;
  --bg-subtle: #f6f8fa;
  --border: #d1d9e0;
  --fg: #1f2328;
  --fg-muted: #59636e;
  --link: #0969da;
  --focus: #0969da;
  --accent-fg: #0550ae; --accent-bg: #ddf4ff;
  --success-fg: #116329; --success-bg: #dafbe1;
  --attention-fg: #7d4e00; --attention-bg: #fff8c5;
  --danger-fg: #a40e26; --danger-bg: #ffebe9;
  --done-fg: #6639ba; --done-bg: #fbefff;
  --neutral-fg: #424a53; --neutral-bg: #eff2f5;
  --button-bg: #f6f8fa; --button-hover: #eff2f5;
  --primary-bg: #1f883d; --primary-hover: #1a7f37; --primary-fg: #ffffff;
  --bar: #2da44e;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #0d1117;
    --bg-subtle: #151b23;
    --border: #3d444d;
    --fg: #f0f6fc;
    --fg-muted: #9198a1;
    --link: #4493f8;
    --focus: #4493f8;
    --accent-fg: #79c0ff; --accent-bg: #0c2d6b;
    --success-fg: #56d364; --success-bg: #0f2e1a;
    --attention-fg: #e3b341; --attention-bg: #2e2308;
    --danger-fg: #ff9492; --danger-bg: #3c0d10;
    --done-fg: #d2a8ff; --done-bg: #2a1a4a;
    --neutral-fg: #d1d7e0; --neutral-bg: #262c36;
    --button-bg: #212830; --button-hover: #262c36;
    --primary-bg: #238636; --primary-hover: #196c2e; --primary-fg: #ffffff;
    --bar: #3fb950;
  }
}
*, *::before, *::after { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body {
  margin: 0;
  background: var(--bg);
  color: var(--fg);
  font: 14px/1.5 -apple-system, BlinkMacSystemFont, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif;
}
a { color: var(--link); text-decoration: none; }
a:hover { text-decoration: underline; }
:focus-visible { outline: 2px solid var(--focus); outline-offset: 2px; border-radius: 3px; }
main:focus { outline: none; }
code { font: 12px ui-monospace, SFMono-Regular, "SF Mono", Menlo, Consolas, monospace; background: var(--bg-subtle); border-radius: 4px; padding: 0.1em 0.35em; }
h1 { font-size: 24px; font-weight: 600; margin: 0 0 4px; }
h2 { font-size: 16px; font-weight: 600; margin: 32px 0 8px; }
p { margin: 0 0 8px; }
.container { max-width: 1280px; margin: 0 auto; padding: 0 24px; }
.visually-hidden {
  position: absolute !important; width: 1px; height: 1px; padding: 0; margin: -1px;
  overflow: hidden; clip: rect(0 0 0 0); clip-path: inset(50%); white-space: nowrap; border: 0;
}
.skip-link { position: absolute; left: 8px; top: -48px; z-index: 10; padding: 8px 12px; background: var(--bg); border: 1px solid var(--border); border-radius: 6px; }
.skip-link:focus { top: 8px; }
.muted { color: var(--fg-muted); }
.small { font-size: 12px; }
.nowrap { white-space: nowrap; }
.num { text-align: right; font-variant-numeric: tabular-nums; }
.app-header { background: var(--bg-subtle); border-bottom: 1px solid var(--border); margin-bottom: 24px; }
.header-inner { display: flex; align-items: center; gap: 16px; min-height: 56px; flex-wrap: wrap; }
.brand { font-weight: 600; font-size: 16px; color: var(--fg); }
.crumbs ol { display: flex; flex-wrap: wrap; gap: 4px; list-style: none; margin: 0; padding: 0; }
.crumbs li + li::before { content: "/"; color: var(--fg-muted); margin-right: 4px; }
.account { margin-left: auto; display: flex; align-items: center; gap: 8px; }
.inline-form { display: inline; margin: 0; }
.actions { white-space: nowrap; }
.actions .inline-form + .inline-form { margin-left: 4px; }
.page-head { display: flex; justify-content: space-between; align-items: flex-start; gap: 16px; flex-wrap: wrap; }
.sep { color: var(--fg-muted); font-weight: 400; }
.pause-form { display: grid; grid-template-columns: auto minmax(12em, 20em) auto; gap: 4px 8px; align-items: center; max-width: 36em; }
.pause-form p { grid-column: 1 / -1; margin: 0; }
.pause-form label { font-weight: 600; }
input[type="text"] { font: inherit; color: var(--fg); background: var(--bg); border: 1px solid var(--border); border-radius: 6px; padding: 4px 8px; min-height: 32px; }
.btn {
  display: inline-block; font: inherit; font-weight: 500; line-height: 20px; padding: 5px 16px;
  color: var(--fg); background: var(--button-bg); border: 1px solid var(--border); border-radius: 6px; cursor: pointer;
}
.btn:hover { background: var(--button-hover); text-decoration: none; }
.btn-small { padding: 2px 10px; font-size: 12px; }
.btn-large { padding: 9px 20px; font-size: 16px; }
.btn-primary { color: var(--primary-fg); background: var(--primary-bg); border-color: transparent; }
.btn-primary:hover { background: var(--primary-hover); }
.btn-danger { color: var(--danger-fg); }
.btn-danger:hover { background: var(--danger-bg); }
.flash { padding: 12px 16px; border: 1px solid var(--border); border-radius: 6px; background: var(--accent-bg); color: var(--accent-fg); margin-bottom: 16px; }
.banner { padding: 12px 16px; border: 1px solid var(--border); border-radius: 6px; margin: 16px 0; }
.banner h2 { margin: 0 0 4px; }
.banner p { color: var(--fg); }
.banner.tone-attention { background: var(--attention-bg); }
.badge { display: inline-block; padding: 0 8px; border-radius: 2em; font-size: 12px; font-weight: 500; line-height: 20px; white-space: nowrap; border: 1px solid transparent; }
.tone-neutral { color: var(--neutral-fg); background: var(--neutral-bg); }
.tone-accent { color: var(--accent-fg); background: var(--accent-bg); }
.tone-success { color: var(--success-fg); background: var(--success-bg); }
.tone-attention { color: var(--attention-fg); background: var(--attention-bg); }
.tone-danger { color: var(--danger-fg); background: var(--danger-bg); }
.tone-done { color: var(--done-fg); background: var(--done-bg); }
.table-wrap { overflow-x: auto; border: 1px solid var(--border); border-radius: 6px; }
table.data { width: 100%; border-collapse: collapse; }
table.data caption { text-align: left; font-weight: 600; padding: 8px 12px; }
table.data th, table.data td { padding: 8px 12px; text-align: left; vertical-align: top; border-top: 1px solid var(--border); }
table.data thead th { background: var(--bg-subtle); border-top: 0; font-size: 12px; font-weight: 600; color: var(--fg-muted); }
table.data tbody th { font-weight: 600; }
table.data tbody tr:hover { background: var(--bg-subtle); }
table.data .num { text-align: right; }
.pr-title { color: var(--fg); }
.queue-list { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 4px 16px; }
.empty { padding: 24px; border: 1px dashed var(--border); border-radius: 6px; color: var(--fg-muted); }
.empty h2 { margin-top: 0; color: var(--fg); }
.charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(320px, 1fr)); gap: 16px; }
.chart-figure { margin: 0; padding: 12px; border: 1px solid var(--border); border-radius: 6px; }
svg.chart { display: block; width: 100%; height: auto; }
.chart-bar { fill: var(--bar); }
.chart-grid { stroke: var(--border); stroke-width: 1; }
.chart-axis { stroke: var(--fg-muted); stroke-width: 1; }
.chart-label { fill: var(--fg-muted); font-size: 11px; }
.chart-data { margin-top: 8px; }
.chart-data summary { cursor: pointer; color: var(--link); padding: 4px 0; }
.chart-data table { margin-top: 8px; }
.sign-in, .error-page { max-width: 40em; margin: 48px auto; }
@media (forced-colors: active) {
  .chart-bar { fill: CanvasText; }
  .badge { border-color: CanvasText; }
}
@media (prefers-reduced-motion: no-preference) {
  .btn { transition: background-color 80ms; }
}
`;
