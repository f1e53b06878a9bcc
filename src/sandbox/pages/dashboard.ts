/** The dashboard: every session, and every delivery with its answers, body and a resend button. */
import type { SandboxDelivery } from '../deliveries.js';
import type { SandboxSession } from '../session.js';
import { Html, html, page } from './html.js';
import { outcomeLabel } from './widget.js';

function deliveryRow(delivery: SandboxDelivery): Html {
  const last = delivery.attempts.at(-1);
  const answer = last ? (last.statusCode ?? last.error ?? '') : '';
  const tone = delivery.status === 'delivered' ? 'ok' : delivery.status === 'failed' ? 'bad' : 'muted';
  const latency = last ? `${last.latencyMs} ms` : '';
  const history = delivery.attempts.map((a) => `${a.at.toISOString().slice(11, 23)} ${a.statusCode ?? a.error ?? ''} ${a.latencyMs} ms`).join('\n');
  return html`<tr data-delivery="${delivery.id}"><td>${delivery.id}</td><td><code>${delivery.type}</code></td><td class="${tone}">${delivery.status}</td>
<td class="status-code">${answer}</td><td>${delivery.attempts.length}</td><td>${latency}</td>
<td><form method="post" action="/deliveries/${delivery.id}/resend"><button type="submit">Resend</button></form></td></tr>
<tr class="detail"><td></td><td colspan="6"><details><summary>body and attempts</summary><pre>${delivery.body}</pre>${history ? html`<pre>${history}</pre>` : ''}</details></td></tr>`;
}

function sessionCard(session: SandboxSession, deliveries: SandboxDelivery[]): Html {
  const outcome = session.outcome ? outcomeLabel(session.outcome) : 'waiting for an outcome';
  const rows = deliveries.map(deliveryRow);
  return html`<section class="card" data-session="${session.token}">
<h2><a href="/widget/${session.token}">${session.externalSessionId}</a></h2>
<p>${session.debit.amount} ${session.debit.currency} → ${session.credit.amount} ${session.credit.currency} · ${outcome} · <strong>${session.phase}</strong>${
    session.result ? html` · ${session.result.status}${session.result.transactionId ? ` · transaction ${session.result.transactionId}` : ''}` : ''
  } · <span class="muted">created ${session.createdAt.toISOString()}</span></p>
${rows.length > 0 ? html`<table><tr><th>#</th><th>Event</th><th>Delivery</th><th>Answer</th><th>Attempts</th><th>Latency</th><th></th></tr>${rows}</table>` : ''}
</section>`;
}

/** The dashboard page, newest session first. */
export function dashboardPage(input: { sessions: SandboxSession[]; deliveriesOf: (token: string) => SandboxDelivery[]; baseUrl: string; webhookUrl: string | undefined }): string {
  const cards = [...input.sessions].reverse().map((session) => sessionCard(session, input.deliveriesOf(session.token)));
  return page(
    'Coinme sandbox dashboard',
    html`<section class="card"><h1>Dashboard</h1><dl>
<dt>Partner API</dt><dd><code>${input.baseUrl}</code> (any partner credentials)</dd>
<dt>Webhooks to</dt><dd>${input.webhookUrl ? html`<code>${input.webhookUrl}</code>` : html`<span class="muted">no webhook URL: events are listed here only</span>`}</dd>
</dl><p><a href="/">Refresh</a></p></section>
${cards.length > 0 ? cards : html`<section class="card muted">No sessions yet: create one with <code>POST /services/widget</code>.</section>`}`,
  );
}
