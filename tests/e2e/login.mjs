// End-to-end: a person logging in, seeing the dashboard and units, logging out.
// Usage: node login.mjs /path/to/friendlygov /path/to/assets (screenshots in tests/e2e/screenshots/).
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { run, viewports, assertNoHorizontalOverflow } from './harness.mjs';

await run('login', async ({ base, browser, shots }) => {
  for (const viewport of viewports) {
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    await page.goto(`${base}/dashboard`);
    assert.match(page.url(), /\/dang-nhap\?next=%2Fdashboard|\/dang-nhap\?next=\/dashboard/);  // not logged in yet

    // A wrong password: an error a person understands, focusable form still there.
    await page.getByLabel('Tên đăng nhập').fill('admin');
    await page.getByLabel('Mật khẩu').fill('sai-mat-khau');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    assert.match(await page.locator('.error-summary').innerText(), /không đúng/);
    assert.match(await page.title(), /^Lỗi: /);

    await page.getByLabel('Mật khẩu').fill('demo');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.waitForURL(`${base}/dashboard`);
    assert.equal(await page.locator('h1').innerText(), 'Xin chào, Nguyễn Văn Quản');
    assert.equal(await page.locator('#count-units').innerText(), '4');
    await assertNoHorizontalOverflow(page, assert, `dashboard (${viewport.name})`);
    await page.screenshot({ path: join(shots, `dashboard-${viewport.name}.png`), fullPage: true });

    await page.getByRole('link', { name: 'Đơn vị' }).first().click();
    await page.waitForURL(/\/units/);
    assert.ok(await page.getByText('Phường Chơn Thành').isVisible());
    await page.screenshot({ path: join(shots, `units-${viewport.name}.png`), fullPage: true });

    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await page.waitForURL(`${base}/dang-nhap?done=logged_out`);
    assert.match(await page.locator('.banner-success').innerText(), /đã đăng xuất/);
    await context.close();
  }
});
