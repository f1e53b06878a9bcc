/** The simulated hosted widget: the session as the partner configured it, and the outcome picker. */
import type { SandboxDelivery } from '../deliveries.js';
import type { SandboxOutcome } from '../outcomes.js';
import type { SandboxSession } from '../session.js';
import { Html, html, page } from './html.js';

const outcomeLabels: Record<SandboxOutcome, [string, string]> = {
  card_completed: ['Card purchase completed', 'Debit card; crypto sent to the wallet'],
  greendot_paid: ['Green Dot cash', 'Barcode shown, then paid in store'],
  failed: ['Purchase failed', '314-001-S3 Transaction cancelled by Auth Void'],
  kyc_rejected: ['KYC rejected', 'The user fails identity verification'],
  expired: ['Expired', 'Barcode shown and never used'],
};

/** How an outcome is named on the pages. */
export const outcomeLabel = (outcome: SandboxOutcome): string => outcomeLabels[outcome][0];

const locks = ['sourceAmountLock', 'sourceCurrencyLock', 'destinationAmountLock', 'destinationCurrencyLock', 'paymentMethodLock', 'walletLock'] as const;

function lock(session: SandboxSession, name: (typeof locks)[number]): Html {
  return session.params[name] === true ? html`<span class="lock">locked</span>` : html``;
}

function summary(session: SandboxSession): Html {
  const p = session.params;
  const shown = (value: unknown) => (value === undefined || value === null || value === '' ? html`<span class="muted">not set</span>` : html`${String(value)}`);
  return html`<dl>
<dt>You pay</dt><dd>${session.debit.amount} ${session.debit.currency}${lock(session, 'sourceAmountLock')}${lock(session, 'sourceCurrencyLock')}</dd>
<dt>You receive</dt><dd>${session.credit.amount} ${session.credit.currency}${lock(session, 'destinationAmountLock')}${lock(session, 'destinationCurrencyLock')}</dd>
<dt>Wallet</dt><dd>${session.walletAddress}${p['walletMemo'] ? ` (memo ${String(p['walletMemo'])})` : ''}${lock(session, 'walletLock')}</dd>
<dt>Chain</dt><dd>${session.chain}</dd>
<dt>Payment method</dt><dd>${shown(p['paymentMethod'])}${lock(session, 'paymentMethodLock')}</dd>
<dt>Country / state</dt><dd>${shown(p['countryCode'])} / ${shown(p['state'])}</dd>
<dt>Session</dt><dd>${session.externalSessionId}</dd>
<dt>Returns to</dt><dd>${shown(p['redirectUrl'])}</dd>
<dt>Expires</dt><dd>${session.expiresAt.toISOString()}</dd>
</dl>`;
}

function validationNotice(session: SandboxSession): Html {
  const v = session.validation;
  if (!v) return html``;
  const status = v.status === undefined ? '' : `HTTP ${v.status}: `;
  return html`<p class="notice${v.allowed ? ' ok' : ''}" id="validation">User validation for ${v.email}: ${status}<code>${v.answer}</code> (${v.latencyMs} ms)${
    v.allowed ? ' — allowed.' : ' — not allowed; the purchase does not proceed.'
  }</p>`;
}

function picker(session: SandboxSession): Html {
  const buttons = (Object.keys(outcomeLabels) as SandboxOutcome[]).map(
    (outcome) => html`<button type="submit" name="outcome" value="${outcome}" data-outcome="${outcome}">${outcomeLabels[outcome][0]}<small>${outcomeLabels[outcome][1]}</small></button>`,
  );
  return html`<form method="post" action="/widget/${session.token}" class="card">
<h2>Choose what happens</h2>
<p><label>User email <input name="email" type="email" value="${session.email}" required></label></p>
<div class="outcomes">${buttons}</div></form>`;
}

function progress(deliveries: SandboxDelivery[]): Html {
  if (deliveries.length === 0) return html`<p class="muted">Starting…</p>`;
  const rows = deliveries.map((d) => {
    const last = d.attempts.at(-1);
    const answer = last ? (last.statusCode ?? last.error) : '';
    const tone = d.status === 'delivered' ? 'ok' : d.status === 'failed' ? 'bad' : 'muted';
    return html`<tr><td><code>${d.type}</code></td><td class="${tone}">${d.status}</td><td>${answer}</td><td>${d.attempts.length}</td></tr>`;
  });
  return html`<table><tr><th>Event</th><th>Delivery</th><th>Answer</th><th>Attempts</th></tr>${rows}</table>`;
}

// Deterministic bars from the digits, so the same barcode looks the same on every visit.
function barcode(digits: string): Html {
  const bars = [...digits].map((digit) => {
    const n = Number(digit);
    return html`<i style="width:${1 + (n % 3)}px"></i><b style="width:${1 + ((n >> 1) % 3)}px"></b>`;
  });
  return html`<div class="barcode" aria-label="barcode">${bars}</div><p><code id="barcode-number">${digits}</code></p>`;
}

// Polls the session's state and follows it: a reload on a phase change, the redirect when done.
const follow = (session: SandboxSession) =>
  new Html(`<script>(function poll(){fetch(location.pathname + "/state",{cache:"no-store"}).then(function(r){return r.json()}).then(function(s){
if(s.redirectUrl){location.replace(s.redirectUrl)}else if(s.phase!==${JSON.stringify(session.phase)}){location.reload()}else{setTimeout(poll,150)}
}).catch(function(){setTimeout(poll,1000)})})()</script><noscript><meta http-equiv="refresh" content="1"></noscript>`);

/** The widget page for a session in any phase. */
export function widgetPage(session: SandboxSession, deliveries: SandboxDelivery[]): string {
  const title = html`<h1>Buy ${session.credit.currency}</h1>`;
  const details = html`<section class="card">${title}${summary(session)}</section>`;
  switch (session.phase) {
    case 'open':
      return page('Coinme widget (sandbox)', html`${validationNotice(session)}${details}${picker(session)}`);
    case 'delivering':
      return page('Coinme widget (sandbox)', html`${validationNotice(session)}${details}<section class="card"><h2>${outcomeLabel(session.outcome ?? 'card_completed')}: sending events</h2>${progress(deliveries)}</section>${follow(session)}`);
    case 'awaiting_payment':
      return page(
        'Coinme widget (sandbox)',
        html`${details}<section class="card"><h2>Pay ${session.debit.amount} ${session.debit.currency} in cash at a Green Dot store</h2>${barcode(session.providerBarcodeId)}
<form method="post" action="/widget/${session.token}"><button class="primary" type="submit" name="action" value="pay" id="pay">Paid at the store<small>The cashier scans the barcode</small></button></form>
${progress(deliveries)}</section>`,
      );
    case 'done': {
      const result = session.result;
      const link = result?.redirectUrl ? html`<p><a id="return" href="${result.redirectUrl}">Return to the partner</a></p>` : html`<p class="muted">No redirectUrl was given; the session ends here.</p>`;
      return page('Coinme widget (sandbox)', html`${details}<section class="card"><h2>${result?.status ?? ''}</h2>${link}${progress(deliveries)}</section>${result?.redirectUrl ? follow(session) : ''}`);
    }
  }
}

/** The page for a widget URL that does not exist or is past its 30 minutes. */
export function missingWidgetPage(reason: string): string {
  return page('Coinme widget (sandbox)', html`<section class="card"><h1>${reason}</h1><p class="muted">Create a new session with <code>POST /services/widget</code>.</p></section>`);
}
