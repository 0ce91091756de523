/**
 * What the preview server adds to a rendered page: a script that reloads the page when a newer
 * render exists (told over server-sent events at `/__events`), and a banner with the current
 * problem over the last good render. Only the preview gets these; exports never pass through here.
 */

export const EVENTS_PATH = '/__events';

const BANNER_ID = 'camera-ready-dev-problem';

/** Text safe in HTML content and attribute values (numeric references need no table). */
function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Reporters may colour their text for terminals; a page shows it plain. */
function stripAnsi(text: string): string {
  return text.replace(/\u001b\[[0-9;]*m/g, '');
}

/** The page reloads when the server announces a version other than the one it shows. */
function clientScript(version: string): string {
  return `<script>(()=>{const shown=${JSON.stringify(version)};const events=new EventSource(${JSON.stringify(EVENTS_PATH)});events.addEventListener('version',(e)=>{if(e.data!==shown){events.close();location.reload();}});})();</script>`;
}

export interface Problem {
  /** One line, e.g. "resume.json is invalid". */
  title: string;
  /** The full report, shown as preformatted text. */
  details: string;
}

function banner(problem: Problem): string {
  const style = [
    'position:fixed',
    'inset:0 0 auto 0',
    'z-index:2147483647',
    'max-height:60vh',
    'overflow:auto',
    'margin:0',
    'padding:12px 16px',
    'background:#fff4f4',
    'color:#5c0000',
    'border-bottom:3px solid #b00020',
    'box-shadow:0 2px 10px rgba(0,0,0,.25)',
    'font:13px/1.45 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace',
    'white-space:pre-wrap',
    'text-align:left',
  ].join(';');
  return (
    `<div id="${BANNER_ID}" role="alert" style="${style}">` +
    `<strong>${escapeHtml(problem.title)}</strong>\n${escapeHtml(stripAnsi(problem.details))}</div>` +
    `<style>@media print{#${BANNER_ID}{display:none}}</style>`
  );
}

/** `html` with the reload script and, when there is one, the problem banner before `</body>`. */
export function devPage(html: string, version: string, problem?: Problem): string {
  const addition = (problem ? banner(problem) : '') + clientScript(version);
  const end = html.toLowerCase().lastIndexOf('</body>');
  return end === -1 ? html + addition : html.slice(0, end) + addition + html.slice(end);
}

/** The page shown before any render has succeeded. */
export function problemPage(version: string, problem: Problem): string {
  return devPage(
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(problem.title)}</title></head><body></body></html>`,
    version,
    problem,
  );
}
