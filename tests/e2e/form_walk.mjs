// No form a role cannot submit: as each demo login (and anonymously), open every
// HTML page route (from `friendlygov routes`, parameters filled from demo data),
// take every <form method=post> with what the browser would send (its fields'
// current values, the CSRF token, the pressed button's name and value; one
// submission per submit button) and send it. Fails when the answer is 403 (or a
// redirect to /login?next=, how a page refuses): the page offered that role a
// form it may not use.
//
// Deterministic: each role gets a fresh server and database; all forms are read
// before any is sent; then they are sent in page order with the ones that remove,
// revoke, reset or unlock after the others and logging out last (a stale session
// would turn every later answer into 403). A form whose default values are refused
// as invalid (a 4xx that is not 403: validation runs before authorisation in
// create operations) is sent once more with its empty required fields filled
// with sample values, so that a validation error does not hide a refusal.
//
// Why in the browser rather than a C++ HTML extractor: the browser's FormData
// is the exact set a submission sends (selected options, checked boxes, the
// submitter), and fetch() from the page carries the same cookies and Origin.
// Usage: node form_walk.mjs /path/to/friendlygov /path/to/assets
import { run, startServer, login } from './harness.mjs';
import { serverRoutes, pagePaths, demoLogins } from './pages.mjs';

const PARALLEL_ROLES = 2;

const typed = 'input:not([type=hidden]):not([type=checkbox]):not([type=radio]):not([type=submit])'
  + ':not([type=button]):not([type=reset]):not([type=image]):not([readonly]):not([disabled]), textarea';

// Every POST form of the open page, once per submit button.
function readForms(typedSelector) {
  const out = [];
  document.querySelectorAll('form').forEach((form, index) => {
    // Attributes, not properties: a field named "action" hides form.action.
    if ((form.getAttribute('method') || 'get').toLowerCase() !== 'post') return;
    const action = new URL(form.getAttribute('action') || location.href, location.href).href;
    const enctype = (form.getAttribute('enctype') || 'application/x-www-form-urlencoded').toLowerCase();
    const buttons = [...form.querySelectorAll('button:not([type=button]):not([type=reset]), input[type=submit], input[type=image]')]
      .filter((b) => b.form === form);
    const empty = [...form.querySelectorAll(typedSelector)]
      .filter((el) => el.name && !el.value && el.required && el.type !== 'file')
      .map((el) => ({ name: el.name, type: el.type, inputmode: el.inputMode, maxlength: el.maxLength }));
    for (const submitter of buttons.length ? buttons : [null]) {
      const fields = [...new FormData(form, submitter)].map(([k, v]) => [k, typeof v === 'string' ? v : { file: v.name }]);
      out.push({
        index, action, enctype, fields, empty,
        button: submitter ? (submitter.textContent || submitter.value || '').trim().replace(/\s+/g, ' ') : '(no button)',
      });
    }
  });
  return out;
}

// Sends one form from the page (same origin: cookies and Origin as a real submission).
async function send({ action, enctype, fields }) {
  let body;
  if (enctype === 'multipart/form-data') {
    body = new FormData();
    for (const [k, v] of fields) typeof v === 'string' ? body.append(k, v) : body.append(k, new File([], v.file));
  } else {
    body = new URLSearchParams();
    for (const [k, v] of fields) body.append(k, typeof v === 'string' ? v : v.file);
  }
  const r = await fetch(action, { method: 'POST', body, credentials: 'same-origin' });
  const doc = new DOMParser().parseFromString(await r.text(), 'text/html');
  const where = ['.error-summary', '.alert', 'main h1', 'h1'].map((q) => doc.querySelector(q)).find(Boolean) || doc.body;
  const reason = (where?.textContent || '').trim().replace(/\s+/g, ' ').slice(0, 100);
  const landed = new URL(r.url);
  // A page refuses an anonymous caller with a redirect to /login?next=: that is a refusal too.
  if (r.redirected) return { status: landed.searchParams.has('next') ? 403 : 303, reason: `redirected to ${landed.pathname}${landed.search}` };
  return { status: r.status, reason };
}

function sample(f) {
  if (f.type === 'email') return 'kiem.tra@example.vn';
  if (f.type === 'tel') return '0912000999';
  if (f.type === 'date') return '2026-03-02';
  if (f.type === 'time') return '08:00';
  if (f.type === 'number') return '1';
  if (f.type === 'password') return 'Mat-khau-kiem-tra-2026';
  if (/user/.test(f.name)) return 'kiem.tra';
  if (/csv/.test(f.name)) return 'code,name,level,parent_code,valid_from,valid_to,successor_code\n99998,Xã Kiểm Tra,commune,75,2025-07-01,,\n';
  if (f.inputmode === 'numeric' || /code/.test(f.name)) return '9'.repeat(Math.min(f.maxlength > 0 ? f.maxlength : 5, 5));
  return 'Kiểm tra';
}

const rank = (s) => (/\/logout$/.test(s.action) ? 2 : /\/(delete|revoke|password-reset|unlock)$/.test(s.action) ? 1 : 0);

await run('form_walk', async ({ base, banner, browser, binary, assets }) => {
  const users = demoLogins(banner);
  const roles = ['anonymous', ...users];
  const admin = await browser.newContext();
  await login(await admin.newPage(), base, 'admin');
  // Ids in the paths are the same on every fresh demo database.
  const pages = await pagePaths(serverRoutes(binary, assets), admin.request, base);
  await admin.close();

  const rows = [];  // { role, page, action, button, status, reason, retried }
  const walk = async (role) => {
    const server = await startServer(binary, assets);
    const ctx = await browser.newContext();
    try {
      const page = await ctx.newPage();
      if (role !== 'anonymous') await login(page, server.base, role);
      const subs = [];
      for (const p of pages) {
        await page.goto(`${server.base}${p.path}`);
        if (new URL(page.url()).pathname !== p.path) continue;  // redirected: that page is walked under its own route
        for (const f of await page.evaluate(readForms, typed)) {
          const sig = JSON.stringify([f.action, f.fields.filter(([k]) => k !== 'csrf_token')]);
          const same = subs.find((s) => s.sig === sig);
          if (same) same.more += 1;  // the same form on another page (logging out is on all of them)
          else subs.push({ ...f, sig, page: p.pattern, path: p.path, more: 0 });
        }
      }
      subs.sort((a, b) => rank(a) - rank(b));
      await page.goto(`${server.base}/calendar`);  // any page of the server: fetch() runs from its origin
      for (const s of subs) {
        const action = new URL(s.action).pathname;
        let r = await page.evaluate(send, s);
        let retried = '';
        if (r.status >= 400 && r.status < 500 && r.status !== 403 && s.empty.length) {
          const fill = new Map(s.empty.map((f) => [f.name, sample(f)]));
          const fields = s.fields.map(([k, v]) => [k, fill.has(k) ? fill.get(k) : v]);
          const again = await page.evaluate(send, { ...s, fields });
          retried = `${r.status} with defaults, then ${again.status} with ${[...fill.keys()].join(', ')} filled`;
          r = again;
        }
        const where = s.more ? `${s.page} (+${s.more})` : s.page;
        rows.push({ role, page: where, action, button: s.button, status: r.status, reason: r.reason, retried });
      }
    } finally {
      await ctx.close();
      await server.stop();
    }
  };
  let next = 0;
  await Promise.all(Array.from({ length: PARALLEL_ROLES }, async () => {
    while (next < roles.length) await walk(roles[next++]);
  }));

  rows.sort((a, b) => roles.indexOf(a.role) - roles.indexOf(b.role));
  const table = (list) => list.map((r) => `  ${r.role.padEnd(10)} ${r.page.padEnd(32)} POST ${r.action.padEnd(34)} "${r.button}" -> ${r.status}`
    + `  ${r.reason}${r.retried ? `  (${r.retried})` : ''}`).join('\n');
  console.log(`form_walk: ${rows.length} submissions\n${table(rows)}`);
  const refused = rows.filter((r) => r.status === 403);
  if (refused.length) {
    throw new Error(`${refused.length} forms are offered to a role that gets 403 for them `
      + `(show a read-only view instead, or no form):\n${table(refused)}`);
  }
});
