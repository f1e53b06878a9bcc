/** Server-rendered HTML: an escaping template tag and the page frame. No script or style is fetched. */

/** HTML that is already safe to insert. */
export class Html {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML content and quoted attribute values. */
export const escape = (value: unknown): string => String(value).replace(/[&<>"']/g, (char) => entities[char] ?? char);

/** A template tag: interpolated values are escaped unless they are `Html` (arrays are joined). */
export function html(strings: TemplateStringsArray, ...values: unknown[]): Html {
  const part = (value: unknown): string =>
    value instanceof Html ? value.text : Array.isArray(value) ? value.map(part).join('') : value === undefined || value === null || value === false ? '' : escape(value);
  return new Html(strings.reduce((out, string, index) => out + string + (index < values.length ? part(values[index]) : ''), ''));
}

const style = `
:root { color-scheme: light; --ink: #1b1f24; --muted: #5b6470; --line: #dfe3e8; --brand: #0b6bcb; --ok: #1a7f37; --bad: #c62828; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: #f5f7fa; }
header { background: #10243e; color: #fff; padding: 12px 24px; display: flex; gap: 16px; align-items: baseline; }
header strong { font-size: 17px; } header span { color: #b8c7d9; font-size: 13px; } header a { color: #b8c7d9; margin-left: auto; }
main { max-width: 880px; margin: 24px auto; padding: 0 16px; }
.card { background: #fff; border: 1px solid var(--line); border-radius: 10px; padding: 18px 20px; margin-bottom: 16px; }
h1 { font-size: 20px; margin: 0 0 12px; } h2 { font-size: 16px; margin: 0 0 10px; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; margin: 0; }
dt { color: var(--muted); } dd { margin: 0; word-break: break-all; }
.lock { font-size: 12px; color: var(--muted); border: 1px solid var(--line); border-radius: 4px; padding: 0 4px; margin-left: 6px; }
.outcomes { display: grid; grid-template-columns: repeat(auto-fill, minmax(240px, 1fr)); gap: 10px; }
button { font: inherit; cursor: pointer; border-radius: 8px; border: 1px solid var(--line); background: #fff; padding: 10px 12px; text-align: left; }
button:hover { border-color: var(--brand); } button.primary { background: var(--brand); color: #fff; border-color: var(--brand); }
td button { padding: 2px 8px; font-size: 12px; }
button small { display: block; color: var(--muted); font-size: 12px; } button.primary small { color: #dbe9f7; }
input { font: inherit; padding: 6px 8px; border: 1px solid var(--line); border-radius: 6px; width: 280px; }
table { width: 100%; border-collapse: collapse; font-size: 13px; } th, td { text-align: left; padding: 6px 8px; border-top: 1px solid var(--line); vertical-align: top; }
th { color: var(--muted); font-weight: 600; }
.ok { color: var(--ok); } .bad { color: var(--bad); } .muted { color: var(--muted); }
pre { background: #f0f2f5; padding: 8px; border-radius: 6px; overflow: auto; max-height: 260px; font-size: 12px; }
td pre { white-space: pre-wrap; word-break: break-all; } td code { white-space: nowrap; }
tr.detail td { border-top: 0; padding-top: 0; } summary { color: var(--muted); font-size: 12px; cursor: pointer; }
.barcode { display: flex; height: 90px; align-items: stretch; background: #fff; padding: 8px 12px; border: 1px solid var(--line); width: max-content; }
.barcode i { display: block; background: #000; } .barcode b { display: block; }
.notice { border-left: 4px solid var(--bad); padding: 8px 12px; background: #fdecea; } .notice.ok { border-color: var(--ok); background: #e8f5e9; }
`;

/** A whole page. */
export function page(title: string, body: Html, head: Html = new Html('')): string {
  return html`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title><style>${new Html(style)}</style>${head}</head>
<body><header><strong>Coinme sandbox</strong><span>local simulation: no real money, no real KYC</span><a href="/">Dashboard</a></header>
<main>${body}</main></body></html>`.text;
}
