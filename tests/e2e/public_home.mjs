// End-to-end: a citizen on a 360 px phone, without logging in, finds their
// commune by typing its name without diacritics ("tan hung" for "Xã Tân Hưng"),
// opens its page, follows its calendar and deadline calculator links, and
// chooses the commune by name from the deadline calculator.
// Usage: node public_home.mjs /path/to/friendlygov /path/to/assets (screenshots in tests/e2e/screenshots/).
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { run, assertNoHorizontalOverflow, login, fillDate } from './harness.mjs';

await run('public_home', async ({ base, browser, shots }) => {
  // The demo has no Xã Tân Hưng: an administrator adds it first.
  {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await login(page, base, 'admin');
    await page.goto(`${base}/units/new`);
    await page.getByLabel('Mã đơn vị').fill('25310');
    await page.getByLabel('Tên đơn vị').fill('Xã Tân Hưng');
    await page.getByLabel('Cấp').selectOption('commune');
    await page.getByLabel('Trực thuộc').selectOption('75');
    await fillDate(page, 'valid_from', '01/07/2025');
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Thêm đơn vị' }).click()]);
    assert.match(page.url(), /\/units\/25310/);
    // Staff on the home page see the public page and a way to their workspace.
    await page.goto(`${base}/`);
    assert.ok(await page.getByRole('link', { name: 'Vào trang làm việc của cán bộ' }).isVisible());
    await context.close();
  }

  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  const check = async (what) => {
    await assertNoHorizontalOverflow(page, assert, what);
    // Touch targets (docs/design.md): buttons and links outside running text, at least 44 x 44 px.
    const small = await page.evaluate(() => [...document.querySelectorAll(
      'button, .button, nav a, .results a, .links a, p.back a, .choose-place a, .foot a, li > a:only-child, main > section > p > a:only-child')]
      .filter((el) => { const r = el.getBoundingClientRect(); return r.width > 0 && (r.height < 44 || r.width < 44); })
      .map((el) => el.textContent.trim().slice(0, 30)));
    assert.deepEqual(small, [], `${what}: touch targets under 44 x 44 px`);
    await page.screenshot({ path: join(shots, `public-${what}-phone.png`), fullPage: true });
  };

  // The home page: what the site offers, the search, the footer.
  await page.goto(`${base}/`);
  assert.equal(page.url(), `${base}/`);  // no redirect to the login
  assert.match(await page.locator('h1').innerText(), /người dân/);
  assert.match(await page.locator('footer').innerText(), /Cơ quan chịu trách nhiệm: .+/);
  assert.match(await page.locator('footer').innerText(), /Đường dây nóng: /);
  await check('home');

  // "tan hung" without diacritics finds "Xã Tân Hưng".
  await page.getByLabel('Tên xã, phường').fill('tan hung');
  await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Tìm' }).click()]);
  assert.match(page.url(), /\/xa\?ten=tan\+hung/);
  const result = page.locator('ul.results a', { hasText: 'Xã Tân Hưng' });
  assert.equal(await result.count(), 1);
  assert.match(await page.locator('ul.results li').first().innerText(), /Tỉnh Đồng Nai/);
  await check('search');

  // The commune's page.
  await Promise.all([page.waitForNavigation(), result.click()]);
  assert.equal(page.url(), `${base}/xa/25310`);
  assert.match(await page.locator('h1').innerText(), /^Xã Tân Hưng/);
  const summary = await page.locator('dl.summary').innerText();
  assert.match(summary, /Tỉnh Đồng Nai/);
  assert.match(summary, /Thứ Hai đến Thứ Sáu/);
  assert.match(summary, /07:30 – 11:30/);
  assert.equal(await page.locator('#place-lookup').getAttribute('href'), '/tra-cuu');
  assert.equal(await page.locator('main form[method=post]').count(), 0);  // no dead form
  const box = await page.locator('#place-calendar').boundingBox();
  assert.ok(box.height >= 44, `the calendar link is ${box.height}px high`);
  await check('commune');

  // Its calendar.
  await Promise.all([page.waitForNavigation(), page.locator('#place-calendar').click()]);
  assert.match(page.url(), /\/calendar\?unit=25310$/);
  assert.match(await page.locator('h1').innerText(), /^Lịch làm việc năm \d{4}$/);
  await check('calendar');

  // Its deadline calculator, preset to the commune.
  await page.goBack();
  await Promise.all([page.waitForNavigation(), page.locator('#place-due').click()]);
  assert.match(page.url(), /\/calendar\/due\?unit=25310$/);
  assert.equal(await page.locator('#unit').inputValue(), '25310');
  await fillDate(page, 'date', '13/02/2026');
  await page.getByLabel('Giờ tiếp nhận').fill('09:00');
  await page.getByLabel('Thời hạn').fill('3');
  await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Tính hạn' }).click()]);
  assert.match(await page.locator('#due-at').innerText(), /\d{2}\/\d{2}\/\d{4}/);
  assert.match(page.url(), /unit=25310/);
  await check('due');

  // From the calculator, choosing the commune by name returns with its code.
  await page.goto(`${base}/calendar/due`);
  await Promise.all([page.waitForNavigation(), page.getByRole('link', { name: 'Chọn xã, phường theo tên' }).click()]);
  assert.match(page.url(), /\/xa\?cho=han$/);
  await page.getByLabel('Tên xã, phường').fill('TAN HUNG');
  await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Tìm' }).click()]);
  await Promise.all([page.waitForNavigation(), page.locator('ul.results a', { hasText: 'Xã Tân Hưng' }).click()]);
  assert.equal(page.url(), `${base}/calendar/due?unit=25310`);
  await context.close();
});
