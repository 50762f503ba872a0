// Shared by the end-to-end scripts: starts the real server on a fresh SQLite
// database with demo data, launches Debian's Chromium, runs one scenario and
// reports. Usage of a script: node <script>.mjs /path/to/friendlygov /path/to/assets
import { spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

// Starts `friendlygov serve --demo` on a fresh SQLite database in its own
// temporary folder; resolves to { base, banner, stop } (banner: what it printed,
// with the demo logins). Scripts that need more than one server (a fresh
// database per role) call it themselves.
const servers = new Set();
process.on('exit', () => { for (const s of servers) s.kill('SIGKILL'); });  // none outlives a failed script

export async function startServer(binary, assets) {
  const dir = mkdtempSync(join(tmpdir(), 'fg-e2e-'));
  let banner = '';
  const server = spawn(binary, ['--database', `sqlite:${join(dir, 'e2e.db')}`, '--assets-dir', assets,
    '--log-level', 'warn', 'serve', '--demo', '--listen', '127.0.0.1:0'],
    { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, ASAN_OPTIONS: 'detect_leaks=0' } });
  servers.add(server);
  server.on('exit', () => servers.delete(server));
  const base = await new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`server did not start: ${out}`)), 60000);
    server.stdout.on('data', (d) => {
      out += d;
      const m = out.match(/listening on (http:\/\/127\.0\.0\.1:\d+)\//);
      if (m && /Demo logins.*\n/.test(out)) { clearTimeout(timer); banner = out; resolve(m[1]); }
    });
    server.on('exit', (code) => reject(new Error(`server exited ${code}: ${out}`)));
  });
  const stop = () => new Promise((resolve) => {
    if (server.exitCode !== null) return resolve();
    server.once('exit', () => { rmSync(dir, { recursive: true, force: true }); resolve(); });
    server.kill('SIGTERM');
  });
  return { base, banner, stop };
}

export async function launchBrowser() {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
           '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

// Runs one scenario against a fresh server and browser. The scenario gets
// { base, banner, browser, shots, binary, assets } (binary and assets to start more servers).
export async function run(name, scenario) {
  const [binary, assets] = process.argv.slice(2);
  const shots = join(dirname(fileURLToPath(import.meta.url)), 'screenshots');
  mkdirSync(shots, { recursive: true });
  const server = await startServer(binary, assets);
  const browser = await launchBrowser();
  let failed = false;
  try {
    await scenario({ base: server.base, banner: server.banner, browser, shots, binary, assets });
    console.log(`e2e ${name}: passed`);
  } catch (e) {
    failed = true;
    console.error(e);
    console.log(`e2e ${name}: FAILED`);
  } finally {
    await browser.close();
    await server.stop();
  }
  process.exit(failed ? 1 : 0);
}

export const viewports = [{ width: 360, height: 740, name: 'phone' }, { width: 1280, height: 800, name: 'desktop' }];

// Fails when the page is wider than its viewport (unusable on a 360 px phone).
export async function assertNoHorizontalOverflow(page, assert, what) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `${what} is ${overflow}px wider than the viewport`);
}

export async function login(page, base, username) {
  await page.goto(`${base}/dang-nhap`);
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill('demo');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.waitForURL(`${base}/dashboard`);
}

// Types "dd/mm/yyyy" into the Ngày / Tháng / Năm inputs of date field `id`.
export async function fillDate(page, id, text) {
  const [d, m, y] = text.split('/');
  await page.locator(`#${id}`).fill(d);
  await page.locator(`#${id}-month`).fill(m);
  await page.locator(`#${id}-year`).fill(y);
}

// The Ngày / Tháng / Năm inputs of date field `id`, read back as "dd/mm/yyyy".
export async function dateValue(page, id) {
  const parts = await Promise.all([`#${id}`, `#${id}-month`, `#${id}-year`].map((s) => page.locator(s).inputValue()));
  return parts.join('/');
}
