// End-to-end: a citizen on a 360 px phone opens the receipt's QR link
// /tra-cuu?ma=<code> without logging in, sees where the dossier stands, then
// types the wrong and the right last 4 digits of their phone (the full name
// shows only with the right ones); an unknown code. Then a leader reads the
// statistics page on the same phone. axe-core clean on each page, no sideways
// scrolling; screenshots in tests/e2e/screenshots/.
// Usage: node desk_lookup.mjs /path/to/friendlygov /path/to/assets
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { run, assertNoHorizontalOverflow, login } from './harness.mjs';
import { axeFindings } from './audit.mjs';

const phone = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, bypassCSP: true };

await run('desk_lookup', async ({ base, browser, shots }) => {
  // A demo dossier in progress and its applicant's phone, from the API as the administrator.
  let dossier;
  {
    const context = await browser.newContext();
    const page = await context.newPage();
    await login(page, base, 'admin');
    const res = await page.request.get(`${base}/api/v1/dossiers?unit=25270&state=in_progress&limit=1`);
    assert.equal(res.status(), 200);
    [dossier] = (await res.json()).items;
    assert.ok(dossier, 'the demo has a dossier in progress');
    await context.close();
  }
  const digits = dossier.applicant.phone.replace(/\D/g, '');
  const last4 = digits.slice(-4);
  const wrong = last4 === '0000' ? '1111' : '0000';
  const name = dossier.applicant.name;

  const context = await browser.newContext(phone);
  const page = await context.newPage();
  const check = async (what) => {
    assert.deepEqual(await axeFindings(page), [], `${what}: axe-core findings`);
    await assertNoHorizontalOverflow(page, assert, what);
    await page.screenshot({ path: join(shots, `desk-lookup-${what}-phone.png`), fullPage: true });
  };

  // The QR code's link: the status at once, the name masked.
  const res = await page.goto(`${base}/tra-cuu?ma=${encodeURIComponent(dossier.code)}`);
  assert.equal(res.status(), 200);
  assert.equal(page.url().startsWith(`${base}/tra-cuu`), true);  // no login asked
  assert.equal(await page.locator('#dossier-status').innerText(), 'Đang giải quyết');
  assert.match(await page.locator('#dossier-heading').innerText(), /Hồ sơ/);
  assert.ok((await page.locator('dl.summary').innerText()).includes(dossier.procedure.name));
  assert.match(await page.locator('#dossier-due').innerText(), /^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/);
  const masked = await page.locator('#applicant-name').innerText();
  assert.notEqual(masked, name);
  assert.match(masked, /^\S\*\*\*( \S\*\*\*)*$/);
  assert.match(await page.locator('ol.timeline').innerText(), /Đã tiếp nhận hồ sơ/);
  assert.equal(await page.locator('#ma').inputValue(), dossier.code);
  await check('status');

  // The wrong last 4 digits: said beside the field, the name stays masked.
  await page.getByLabel('4 số cuối điện thoại hoặc CCCD (không bắt buộc)').fill(wrong);
  await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Tra cứu' }).click()]);
  assert.match(await page.locator('.error-summary').innerText(), /4 số cuối không khớp/);
  assert.match(await page.locator('#so-error').innerText(), /4 số cuối không khớp/);
  assert.equal(await page.locator('#applicant-name').innerText(), masked);
  await check('wrong-digits');

  // The right ones: the full name, the phone masked.
  await page.getByLabel('4 số cuối điện thoại hoặc CCCD (không bắt buộc)').fill(last4);
  await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Tra cứu' }).click()]);
  assert.equal(await page.locator('.error-summary').count(), 0);
  assert.equal(await page.locator('#applicant-name').innerText(), name);
  assert.equal(await page.locator('#applicant-phone').innerText(), '*'.repeat(digits.length - 3) + digits.slice(-3));
  await check('right-digits');

  // An unknown code.
  await page.getByLabel('Mã hồ sơ').fill('25270-991231-0001');
  await page.getByLabel('4 số cuối điện thoại hoặc CCCD (không bắt buộc)').fill('');
  const [nav] = await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Tra cứu' }).click()]);
  assert.equal(nav.status(), 404);
  assert.match(await page.locator('#not-found').innerText(), /Không tìm thấy hồ sơ/);
  await check('unknown');
  await context.close();

  // The leader's statistics on a phone: the chart and the table.
  {
    const context = await browser.newContext(phone);
    const page = await context.newPage();
    await login(page, base, 'leader');
    const res = await page.goto(`${base}/desk/stats?by=month&from_day=1&from_month=1&from_year=${new Date().getFullYear() - 1}`);
    assert.equal(res.status(), 200);
    assert.equal(await page.locator('svg.chart[role=img]').count(), 1);
    assert.ok((await page.locator('svg.chart').boundingBox()).width <= 360);
    assert.ok(await page.locator('table.stats-table tbody tr').count() >= 12);
    assert.match(await page.locator('#total-received').innerText(), /^\d[\d.]*$/);
    assert.deepEqual(await axeFindings(page), [], 'statistics: axe-core findings');
    await assertNoHorizontalOverflow(page, assert, 'statistics');
    await page.screenshot({ path: join(shots, 'desk-stats-phone.png'), fullPage: true });
    await context.close();
  }
});
