// Shared by the page-walking scripts (a11y.mjs, form_walk.mjs): which pages the
// server has, with their path parameters filled from the demo data, and who
// can log in. Everything comes from the server itself:
//   - routes: `friendlygov routes` (JSON lines: method, pattern, access, is_api);
//   - roles: the demo logins `serve --demo` prints (password "demo");
//   - path parameters: links (and image sources) found on the pages the
//     administrator sees.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Every route the server registers.
export function serverRoutes(binary, assets) {
  const dir = mkdtempSync(join(tmpdir(), 'fg-routes-'));
  try {
    const out = execFileSync(binary, ['--database', `sqlite:${join(dir, 'routes.db')}`, '--assets-dir', assets,
      '--log-level', 'warn', 'routes'], { env: { ...process.env, ASAN_OPTIONS: 'detect_leaks=0' }, encoding: 'utf8' });
    return out.split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// The path parameters to prefer when a page links to several targets: the demo
// ward 25270 (inside every demo role's subtree), its desk officer, who holds a
// grant (so the grant, unlock and reset forms show), and the province's draft
// criteria set (editable, so its editor's pages are linked).
const preferred = [(href) => /\/25270(\/|$)/.test(href), (href, text) => /Lê Văn Một/.test(text),
  (href, text) => /dự thảo/.test(text)];

function patternRegex(pattern) {
  const esc = pattern.split(/(\{[^}]+\})/).map((part) =>
    part.startsWith('{') ? '([^/?#]+)' : part.replace(/[.*+?^$()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${esc.join('')}$`);
}

// Links with their text, and image sources (a photo's own route is reached
// only through its <img>), on this site.
function linksOf(html, base) {
  const found = [
    ...[...html.matchAll(/<a\b[^>]*\bhref="([^"]*)"[^>]*>([\s\S]*?)<\/a>/g)].map((m) => [m[1], m[2]]),
    ...[...html.matchAll(/<img\b[^>]*\bsrc="([^"]*)"/g)].map((m) => [m[1], '']),
  ];
  const out = [];
  for (const [href, text] of found) {
    let url;
    try { url = new URL(href.replace(/&amp;/g, '&'), base); } catch { continue; }
    if (url.origin !== new URL(base).origin) continue;
    out.push({ path: decodeURIComponent(url.pathname), text: text.replace(/<[^>]*>/g, '') });
  }
  return out;
}

// The HTML page routes (GET, not API, answering text/html to the administrator)
// as concrete paths: [{ pattern, path }]. `request` is a Playwright APIRequestContext
// logged in as the demo administrator. Throws when a parameter cannot be filled
// from any link (a new route: link to it from a page, or extend `preferred`).
export async function pagePaths(routes, request, base) {
  const pages = routes.filter((r) => r.method === 'GET' && !r.is_api);
  // A link to a route of its own (/desk/procedures/new) does not fill another's parameter (/desk/procedures/{id}).
  const literal = new Set(pages.filter((r) => !r.pattern.includes('{')).map((r) => r.pattern));
  const filled = new Map();  // pattern -> path
  const links = [];
  const visited = new Set();
  for (let round = 0; round < 4; round++) {
    for (const r of pages) {
      if (!filled.has(r.pattern) && !r.pattern.includes('{')) filled.set(r.pattern, r.pattern);
      if (filled.has(r.pattern)) continue;
      const re = patternRegex(r.pattern);
      const matches = links.filter((l) => re.test(l.path) && !literal.has(l.path));
      if (!matches.length) continue;
      const best = preferred.map((p) => matches.find((l) => p(l.path, l.text))).find(Boolean) ?? matches[0];
      filled.set(r.pattern, best.path);
    }
    let fresh = false;
    for (const path of filled.values()) {
      if (visited.has(path)) continue;
      visited.add(path);
      fresh = true;
      const res = await request.get(`${base}${path}`, { maxRedirects: 0 });
      if ((res.headers()['content-type'] || '').startsWith('text/html')) links.push(...linksOf(await res.text(), base));
    }
    if (!fresh) break;
  }
  const missing = pages.filter((r) => !filled.has(r.pattern)).map((r) => r.pattern);
  if (missing.length) throw new Error(`no demo page links to ${missing.join(', ')}: cannot fill the path parameters`);
  const out = [];
  for (const r of pages) {
    const path = filled.get(r.pattern);
    const res = await request.get(`${base}${path}`, { maxRedirects: 0 });
    const type = res.headers()['content-type'] || '';
    if (type.startsWith('text/html')) out.push({ pattern: r.pattern, path });
  }
  return out;
}

// The demo logins printed by `serve --demo` (each user holds the role of its name).
export function demoLogins(banner) {
  const m = banner.match(/Demo logins \(password "demo"\): (.*)/);
  if (!m) throw new Error(`the server printed no demo logins: ${banner}`);
  return m[1].split(',').map((s) => s.trim()).filter(Boolean);
}
