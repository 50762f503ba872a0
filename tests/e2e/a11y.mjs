// Accessibility of every page: each HTML page route of the server (from
// `friendlygov routes`, path parameters filled from demo data), anonymously and
// as each demo login, at 360 px and 1280 px, and in the error state of each
// form (submitted with its fields emptied). On each: axe-core with the WCAG
// 2.0/2.1/2.2 A and AA rules, no horizontal overflow at 360 px, dates shown as
// dd/mm/yyyy (audit.mjs). Fails with every finding, grouped by page and rule;
// the same list is written to screenshots/a11y-report.json.
// Usage: node a11y.mjs /path/to/friendlygov /path/to/assets
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { run, viewports, login } from './harness.mjs';
import { serverRoutes, pagePaths, demoLogins } from './pages.mjs';
import { axeFindings, overflowFindings, dateFindings } from './audit.mjs';

const PARALLEL = 4;  // tabs at once

// Runs fn(task, tab) over the tasks, n at a time; tab(context) gives the worker's
// own tab in that context (opened once, reused).
async function pool(tasks, n, fn) {
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(n, tasks.length) }, async () => {
    const tabs = new Map();
    const tab = async (ctx) => {
      if (!tabs.has(ctx) || tabs.get(ctx).isClosed()) tabs.set(ctx, await ctx.newPage());
      return tabs.get(ctx);
    };
    while (next < tasks.length) { const t = tasks[next++]; await fn(t, tab); }
    for (const p of tabs.values()) await p.close();
  }));
}

// Fields a person types into (emptied for the error state).
const typed = 'input:not([type=hidden]):not([type=checkbox]):not([type=radio]):not([type=submit])'
  + ':not([type=button]):not([type=reset]):not([type=image]):not([readonly]):not([disabled]), textarea';

await run('a11y', async ({ base, banner, browser, binary, assets, shots }) => {
  const started = Date.now();
  const users = demoLogins(banner);
  const roles = ['anonymous', ...users];

  // One context per role and width (the width is the context's viewport); the
  // role logs in once and the second width reuses its cookies.
  const contexts = new Map();
  for (const role of roles) {
    let state;
    for (const vp of viewports) {
      const ctx = await browser.newContext({ viewport: vp, bypassCSP: true, storageState: state });
      if (role !== 'anonymous' && !state) {
        const p = await ctx.newPage();
        await login(p, base, role);
        await p.close();
        state = await ctx.storageState();
      }
      contexts.set(`${role}|${vp.width}`, ctx);
    }
  }
  const adminRole = users.find((u) => u === 'admin');
  if (!adminRole) throw new Error(`no demo login "admin" among ${users.join(', ')}`);
  const pages = await pagePaths(serverRoutes(binary, assets), contexts.get(`admin|${viewports[0].width}`).request, base);
  console.log(`a11y: ${pages.length} HTML page routes: ${pages.map((p) => p.path).join(' ')}`);

  const findings = [];  // { page, state, role, width, rule, impact, help, target }
  const audited = [];   // { page, state, role, width, status }
  // The same document at the same width gives the same findings (a refusal seen
  // by one role on many routes, say): it is audited once and its findings are
  // recorded for every place it was seen. Only the session's CSRF token is
  // blanked before comparing.
  const byDocument = new Map();  // width + document -> Promise of its findings
  async function audit(page, where) {
    const html = await page.evaluate(() => document.documentElement.outerHTML
      .replace(/(name="csrf_token" value=")[^"]*"/g, '$1"'));
    const key = `${where.width}\u0001${createHash('sha256').update(html).digest('hex')}`;
    if (!byDocument.has(key)) {
      byDocument.set(key, (async () => {
        const list = [...await axeFindings(page), ...await dateFindings(page)];
        if (where.width === 360) list.push(...await overflowFindings(page));
        return list;
      })());
    } else {
      where = { ...where, repeated: true };
    }
    for (const f of await byDocument.get(key)) findings.push({ ...where, ...f });
    audited.push(where);
  }

  // 1. Every page, as every role, at every width. Collects the forms with typed fields
  // and which roles have them.
  const forms = new Map();  // method|action -> Map(role -> { role, page, path, index, method, action })
  const visits = [];
  for (const role of roles) for (const p of pages) for (const vp of viewports) visits.push({ role, p, vp });
  await pool(visits, PARALLEL, async ({ role, p, vp }, tab) => {
    const page = await tab(contexts.get(`${role}|${vp.width}`));
    try {
      const res = await page.goto(`${base}${p.path}`);
      // A redirect (anonymous to /login, a logged-in official from / to /dashboard)
      // ends on a page audited under its own route.
      if (new URL(page.url()).pathname !== p.path) return;
      await audit(page, { page: p.pattern, state: res.status() >= 400 ? `HTTP ${res.status()}` : '', role, width: vp.width });
      const found = await page.evaluate((typed) => [...document.forms].map((f, index) => ({
        index, method: (f.getAttribute('method') || 'get').toLowerCase(),
        action: new URL(f.getAttribute('action') || location.href, location.href).pathname,
        typed: f.querySelectorAll(typed).length > 0,
      })), typed);
      if (vp !== viewports[0]) return;
      for (const f of found) {
        if (!f.typed) continue;
        const key = `${f.method}|${f.action}`;
        if (!forms.has(key)) forms.set(key, new Map());
        forms.get(key).set(role, { role, page: p.pattern, path: p.path, ...f });
      }
    } catch (e) {
      findings.push({ page: p.pattern, state: 'load', role, width: vp.width, rule: 'page-error', impact: 'critical', help: String(e).split('\n')[0], target: p.path });
    }
  });

  // 2. Error states: each form with typed fields, emptied and submitted once at
  // each width (HTML validation off, so that the server answers), by the first
  // role (in login order) that has it and is not refused (a refusal is form_walk's
  // finding, and hides the error state). Submissions change data, so they come
  // after all visits, and the administrator's (who can reset others' passwords)
  // last of all.
  const candidates = (f) => [...roles.filter((r) => r !== adminRole), adminRole].filter((r) => f.has(r)).map((r) => f.get(r));
  const tryRoles = (admin) => async ({ f, vp }, tab) => {
    for (const c of candidates(f).filter((x) => (x.role === adminRole) === admin)) {
      const status = await submitEmpty(c, vp, tab);
      if (status !== 403) { f.done = true; return; }
    }
  };
  async function submitEmpty(f, vp, tab) {
    const page = await tab(contexts.get(`${f.role}|${vp.width}`));
    const state = `form ${f.method.toUpperCase()} ${f.action} submitted empty`;
    try {
      await page.goto(`${base}${f.path}`);
      const nav = page.waitForNavigation({ timeout: 15000 });
      await page.evaluate(({ index, typed }) => {
        const form = document.forms[index];
        for (const el of form.querySelectorAll(typed)) el.value = '';
        form.noValidate = true;
        form.requestSubmit(form.querySelector('button:not([type=button]):not([type=reset]), input[type=submit]') || undefined);
      }, { index: f.index, typed });
      const res = await nav;
      const status = res ? res.status() : 0;
      if (status === 403) return status;
      await audit(page, { page: f.page, state: `${state} (HTTP ${status})`, role: f.role, width: vp.width });
      return status;
    } catch (e) {
      findings.push({ page: f.page, state, role: f.role, width: vp.width, rule: 'page-error', impact: 'critical', help: String(e).split('\n')[0], target: f.action });
      return 0;
    }
  }
  const byWidth = viewports.map((vp) => [...forms.values()].map((f) => ({ f: new Map(f), vp })));  // own "done" per width
  await pool(byWidth.flat(), PARALLEL, tryRoles(false));
  await pool(byWidth.flat().filter((t) => !t.f.done), PARALLEL, tryRoles(true));
  for (const ctx of contexts.values()) await ctx.close();

  writeFileSync(join(shots, 'a11y-report.json'), JSON.stringify({ audited, findings }, null, 1));
  const secs = ((Date.now() - started) / 1000).toFixed(0);
  const errorStates = audited.filter((a) => a.state.startsWith('form ')).length;
  const repeated = audited.filter((a) => a.repeated).length;
  console.log(`a11y: ${audited.length} page states audited (${visits.length} visits, ${errorStates} error states, `
    + `${repeated} repeating a document already audited) in ${secs} s`);
  // An error state repeats what its page already showed: report only what is new.
  const key = (f) => [f.page, f.role, f.width, f.rule, f.help, f.target].join('\u0001');
  const plain = new Set(findings.filter((f) => !f.state.startsWith('form ')).map(key));
  const shown = findings.filter((f) => !f.state.startsWith('form ') || !plain.has(key(f)));
  if (shown.length) throw new Error(`${shown.length} findings:\n${report(shown, roles)}`);
});

// Findings grouped page -> state -> rule -> target, with the roles and widths
// where each occurs.
function report(findings, roleOrder) {
  const tree = new Map();
  for (const f of findings) {
    const k = `${f.page}\u0001${f.state}`;
    if (!tree.has(k)) tree.set(k, new Map());
    const rules = tree.get(k);
    const rk = `${f.rule}\u0001${f.impact}\u0001${f.help}`;
    if (!rules.has(rk)) rules.set(rk, new Map());
    const targets = rules.get(rk);
    if (!targets.has(f.target)) targets.set(f.target, new Set());
    targets.get(f.target).add(`${f.role}@${f.width}`);
  }
  // "anonymous, desk @360; admin @360/1280" (roles in login order).
  const who = (set) => {
    const byRole = new Map();
    for (const rw of set) {
      const [r, w] = rw.split('@');
      if (!byRole.has(r)) byRole.set(r, []);
      byRole.get(r).push(Number(w));
    }
    const byWidths = new Map();
    for (const r of roleOrder.filter((x) => byRole.has(x))) {
      const ws = byRole.get(r).sort((a, b) => a - b).join('/');
      if (!byWidths.has(ws)) byWidths.set(ws, []);
      byWidths.get(ws).push(r);
    }
    return [...byWidths].map(([ws, rs]) => `${rs.join(', ')} @${ws}`).join('; ');
  };
  const lines = [];
  const keys = [...tree.keys()].sort();
  for (const k of keys) {
    const [page, state] = k.split('\u0001');
    lines.push('', `PAGE ${page}${state ? `  [${state}]` : ''}`);
    for (const [rk, targets] of tree.get(k)) {
      const [rule, impact, help] = rk.split('\u0001');
      lines.push(`  ${rule} (${impact}): ${help}`);
      for (const [target, set] of targets) lines.push(`      ${target}   — ${who(set)}`);
    }
  }
  return lines.join('\n');
}
