// End-to-end: the real server, Debian's Chromium, a person logging in.
// Usage: node login.mjs /path/to/friendlygov /path/to/assets
// Saves screenshots into tests/e2e/screenshots/.
import { spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';

const [binary, assets] = process.argv.slice(2);
const here = dirname(fileURLToPath(import.meta.url));
const shots = join(here, 'screenshots');
mkdirSync(shots, { recursive: true });
const dir = mkdtempSync(join(tmpdir(), 'fg-e2e-'));

const server = spawn(binary, ['--database', `sqlite:${join(dir, 'e2e.db')}`, '--assets-dir', assets,
  '--log-level', 'warn', 'serve', '--demo', '--listen', '127.0.0.1:0'],
  { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, ASAN_OPTIONS: 'detect_leaks=0' } });
const base = await new Promise((resolve, reject) => {
  let out = '';
  const timer = setTimeout(() => reject(new Error(`server did not start: ${out}`)), 60000);
  server.stdout.on('data', (d) => {
    out += d;
    const m = out.match(/listening on (http:\/\/127\.0\.0\.1:\d+)\//);
    if (m) { clearTimeout(timer); resolve(m[1]); }
  });
  server.on('exit', (code) => reject(new Error(`server exited ${code}: ${out}`)));
});

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
         '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
let failed = false;
try {
  for (const viewport of [{ width: 360, height: 740, name: 'phone' }, { width: 1280, height: 800, name: 'desktop' }]) {
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    await page.goto(`${base}/dashboard`);
    assert.match(page.url(), /\/login\?next=%2Fdashboard|\/login\?next=\/dashboard/);  // not logged in yet

    // A wrong password: an error a person understands, focusable form still there.
    await page.getByLabel('Tên đăng nhập').fill('admin');
    await page.getByLabel('Mật khẩu').fill('sai-mat-khau');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    assert.match(await page.locator('#login-error').innerText(), /không đúng/);

    await page.getByLabel('Mật khẩu').fill('demo');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.waitForURL(`${base}/dashboard`);
    assert.equal(await page.locator('h1').innerText(), 'Xin chào, Nguyễn Văn Quản');
    assert.equal(await page.locator('#count-units').innerText(), '4');
    // Nothing overflows the viewport horizontally (usable at 360 px).
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `page is ${overflow}px wider than the ${viewport.name} viewport`);
    await page.screenshot({ path: join(shots, `dashboard-${viewport.name}.png`), fullPage: true });

    await page.getByRole('link', { name: 'Đơn vị' }).first().click();
    await page.waitForURL(/\/units/);
    assert.ok(await page.getByText('Phường Chơn Thành').isVisible());
    await page.screenshot({ path: join(shots, `units-${viewport.name}.png`), fullPage: true });

    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await page.waitForURL(`${base}/login`);
    await context.close();
  }
  console.log('e2e: 1 passed, 0 failed');
} catch (e) {
  failed = true;
  console.error(e);
  console.log('e2e: 0 passed, 1 failed');
} finally {
  await browser.close();
  server.kill('SIGTERM');
}
process.exit(failed ? 1 : 0);
