// End-to-end: the demo administrator on a 360 px phone adds a procedure with two
// documents through the form, after first sending it empty (the error summary
// lists every missing field, linked to it, with focus on the summary), then
// finds it in the catalogue by typing its name without diacritics, and opens it.
// axe-core finds nothing on each page state; nothing scrolls sideways.
// Screenshots: screenshots/desk-procedures-*.png.
// Usage: node desk_procedures.mjs /path/to/friendlygov /path/to/assets
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { run, viewports, assertNoHorizontalOverflow, login, fillDate } from './harness.mjs';
import { axeFindings } from './audit.mjs';

const phone = viewports.find((v) => v.width === 360);

await run('desk_procedures', async ({ base, browser, shots }) => {
  const context = await browser.newContext({ viewport: phone, bypassCSP: true });
  const page = await context.newPage();
  const clean = async (what) => {
    const found = await axeFindings(page);
    assert.deepEqual(found, [], `${what}: axe-core finds ${JSON.stringify(found, null, 1)}`);
    await assertNoHorizontalOverflow(page, assert, what);
  };
  await login(page, base, 'admin');

  // The empty form: every required field reported at once.
  await page.goto(`${base}/desk/procedures/new`);
  assert.equal(await page.locator('h1').innerText(), 'Thêm thủ tục hành chính');
  await clean('the new procedure form');
  await page.screenshot({ path: join(shots, 'desk-procedures-form-phone.png'), fullPage: true });
  await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Lưu thủ tục' }).click()]);
  assert.match(await page.title(), /^Lỗi:/);
  const summary = page.locator('.error-summary');
  assert.equal(await summary.count(), 1);
  assert.ok(await page.evaluate(() => document.querySelector('.error-summary').contains(document.activeElement)),
    'focus is on the error summary');
  const links = await summary.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  for (const id of ['#code', '#name', '#field', '#limit_amount'])
    assert.ok(links.includes(id), `the summary links to ${id} (links: ${links.join(' ')})`);
  for (const id of ['code', 'name', 'field', 'limit_amount'])
    assert.ok(await page.locator(`[id="${id}-error"]`).isVisible(), `a message beside #${id}`);
  await summary.locator('a[href="#name"]').click();
  assert.equal(await page.evaluate(() => document.activeElement.id), 'name');
  await clean('the form with errors');
  await page.screenshot({ path: join(shots, 'desk-procedures-errors-phone.png'), fullPage: true });

  // Filled in: two documents, one step, a date as Ngày / Tháng / Năm.
  await page.getByLabel('Mã thủ tục').fill('E2E.001');
  await page.getByLabel('Tên thủ tục').fill('Đăng ký thường trú thử nghiệm');
  await page.getByLabel('Lĩnh vực').fill('Cư trú');
  await page.getByLabel('Số ngày hoặc số giờ').fill('7');
  await page.locator('[id="documents[0]-name"]').fill('Tờ khai thay đổi thông tin cư trú');
  await page.locator('[id="documents[1]-name"]').fill('Giấy tờ chứng minh chỗ ở hợp pháp');
  await page.locator('[id="documents[1]-kind"]').selectOption('copy');
  await page.locator('[id="steps[0]-name"]').fill('Tiếp nhận hồ sơ');
  await page.locator('[id="steps[0]-handler"]').fill('Bộ phận một cửa');
  await page.locator('[id="steps[0]-hours"]').fill('4');
  await fillDate(page, 'valid_from', '01/07/2025');
  await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Lưu thủ tục' }).click()]);
  assert.match(page.url(), /\/desk\/procedures\/\d+\?done=created$/);
  assert.match(await page.locator('.banner').innerText(), /Đã thêm thủ tục Đăng ký thường trú thử nghiệm/);
  const documents = page.locator('table', { has: page.locator('caption', { hasText: 'Thành phần hồ sơ' }) });
  assert.equal(await documents.locator('tbody tr').count(), 2);
  assert.match(await documents.locator('tbody tr').nth(1).innerText(), /Giấy tờ chứng minh chỗ ở hợp pháp[\s\S]*Bản sao/);
  assert.match(await page.locator('main').innerText(), /7 ngày làm việc/);
  assert.match(await page.locator('main').innerText(), /01\/07\/2025/);
  await clean('the new procedure');
  await page.screenshot({ path: join(shots, 'desk-procedures-view-phone.png'), fullPage: true });

  // Found without diacritics, opened from the results.
  await page.goto(`${base}/desk/procedures`);
  await page.getByLabel('Tìm thủ tục').fill('dang ky thuong tru thu');
  await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Tìm', exact: true }).click()]);
  const result = page.getByRole('link', { name: 'Đăng ký thường trú thử nghiệm' });
  assert.equal(await result.count(), 1);
  assert.match(await page.locator('#result-count').innerText(), /Có 1 thủ tục/);
  await clean('the search results');
  await page.screenshot({ path: join(shots, 'desk-procedures-search-phone.png'), fullPage: true });
  await Promise.all([page.waitForNavigation(), result.click()]);
  assert.equal(await page.locator('h1').innerText(), 'Đăng ký thường trú thử nghiệm');

  // The import page and the settings page, as they first look.
  for (const [path, name] of [['/desk/procedures/import', 'import'], ['/desk/settings?unit=25270', 'settings']]) {
    await page.goto(`${base}${path}`);
    await clean(path);
    await page.screenshot({ path: join(shots, `desk-procedures-${name}-phone.png`), fullPage: true });
  }
  await context.close();
});
