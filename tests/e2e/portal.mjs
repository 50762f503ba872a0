// End-to-end: the portal of a ward (issue 16) on a 360 px phone, not logged in:
// the ward's page, its procedure catalogue searched without diacritics ("khai
// sinh"), one procedure, the directory (with the chairwoman's photo, which she
// uploads and agrees to publish first, logged in) and the live figures. On each page:
// axe-core (WCAG 2.x A/AA), no sideways scrolling, dates as dd/mm/yyyy, and the
// page weight without images (the HTML and its stylesheets and scripts) under
// 50 KB. Then the kiosk mode: large text, links that keep it, and back to the
// start page after 90 seconds without a touch (the page clock is moved forward).
// Before the kiosk, logged in, the ward's announcements: the administrator registers a
// loudspeaker controller (its token shown once) and withdraws the demo's
// announcement with a reason, which the public page then shows.
// Screenshots: screenshots/portal-*.png.
// Usage: node portal.mjs /path/to/friendlygov /path/to/assets
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { login, run, viewports } from './harness.mjs';
import { axeFindings, overflowFindings, dateFindings } from './audit.mjs';

const [phone] = viewports;
const kMaxPageBytes = 50 * 1024;

await run('portal', async ({ base, browser, shots }) => {
  const findings = [];
  const weights = [];
  const context = await browser.newContext({ viewport: phone, isMobile: true, hasTouch: true, bypassCSP: true });
  const page = await context.newPage();
  // The page's weight without images: the HTML and every stylesheet and script it
  // loaded, uncompressed, counted even when the browser had them cached.
  const weigh = () => page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0];
    // (Under the test's fake clock the browser keeps no navigation entry: the page's own text then.)
    const html = nav ? nav.decodedBodySize : new TextEncoder().encode(document.documentElement.outerHTML).length;
    return html + performance.getEntriesByType('resource')
      .filter((r) => r.initiatorType !== 'img' && !/\.(png|jpe?g|gif|webp|svg)$/.test(r.name))
      .reduce((n, r) => n + r.decodedBodySize, 0);
  });
  const visit = async (what, go) => {
    await go();
    await page.waitForLoadState('networkidle');
    const bytes = await weigh();
    assert.ok(bytes > 1000, `${what}: ${bytes} bytes measured`);
    weights.push(`${what}: ${bytes} bytes`);
    assert.ok(bytes < kMaxPageBytes, `${what} weighs ${bytes} bytes without images (limit ${kMaxPageBytes})`);
    for (const f of [...await axeFindings(page), ...await dateFindings(page), ...await overflowFindings(page)])
      findings.push(`${what}: ${f.rule} ${f.help} (${f.target})`);
    await page.screenshot({ path: join(shots, `portal-${what}-phone.png`), fullPage: true });
  };

  // The ward's page leads to its catalogue.
  await visit('ward', () => page.goto(`${base}/xa/25270`));
  await visit('catalogue', () => Promise.all([page.waitForNavigation(), page.locator('#place-catalogue').click()]));
  assert.equal(page.url(), `${base}/xa/25270/thu-tuc`);
  assert.match(await page.title(), /^Thủ tục hành chính tại Phường Chơn Thành/);
  assert.ok((await page.locator('ul.procedures a').count()) >= 20);

  // Searching without diacritics.
  await page.getByLabel('Tìm thủ tục').fill('khai sinh');
  await visit('search', () => Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Tìm' }).click()]));
  const names = await page.locator('ul.procedures a').allInnerTexts();
  assert.deepEqual(names.sort(), ['Đăng ký khai sinh', 'Đăng ký lại khai sinh']);

  // One procedure: documents, fee, time limit, where to go, its QR code.
  await visit('procedure', () => Promise.all([page.waitForNavigation(),
    page.getByRole('link', { name: 'Đăng ký khai sinh', exact: true }).click()]));
  assert.equal(page.url(), `${base}/xa/25270/thu-tuc/1.001193`);
  assert.equal(await page.locator('h1').innerText(), 'Đăng ký khai sinh');
  assert.equal(await page.locator('#procedure-limit').innerText(), 'Trong ngày');
  assert.ok(await page.getByRole('img', { name: /Mã QR mở trang thủ tục Đăng ký khai sinh/ }).isVisible());
  const description = await page.locator('meta[name=description]').getAttribute('content');
  assert.match(description, /^Đăng ký khai sinh tại Phường Chơn Thành: /);

  // The chairwoman uploads her photo (a PNG the browser draws) and agrees to publish it.
  const staff = await browser.newContext({ viewport: phone, bypassCSP: true });
  const desk = await staff.newPage();
  await login(desk, base, 'leader');
  await desk.goto(`${base}/officials`);
  await Promise.all([desk.waitForNavigation(), desk.getByRole('link', { name: 'Trần Thị Lãnh', exact: true }).click()]);
  await Promise.all([desk.waitForNavigation(), desk.locator('#official-photo-link').click()]);
  const photo = await desk.screenshot({ clip: { x: 0, y: 0, width: 90, height: 120 } });
  await desk.locator('#photo').setInputFiles({ name: 'chan-dung.png', mimeType: 'image/png', buffer: photo });
  await Promise.all([desk.waitForNavigation(), desk.getByRole('button', { name: 'Tải ảnh lên' }).click()]);
  assert.match(desk.url(), /\/anh\?done=saved$/);
  assert.ok(await desk.locator('#official-photo').evaluate((img) => img.complete && img.naturalWidth === 90));
  for (const f of [...await axeFindings(desk), ...await overflowFindings(desk)])
    findings.push(`photo page: ${f.rule} ${f.help} (${f.target})`);
  await desk.screenshot({ path: join(shots, 'portal-photo-upload-phone.png'), fullPage: true });
  await Promise.all([desk.waitForNavigation(), desk.getByRole('link', { name: 'thông tin công khai' }).click()]);
  await desk.locator('#publish-photo').check();
  await Promise.all([desk.waitForNavigation(), desk.getByRole('button', { name: 'Lưu' }).click()]);
  assert.match(desk.url(), /cong-khai\?done=saved$/);
  await staff.close();

  // The directory (the photo beside her name, in its fixed box) and the figures.
  await visit('directory', () => page.goto(`${base}/xa/25270/danh-ba`));
  const chair = page.getByRole('img', { name: 'Trần Thị Lãnh' });
  assert.ok(await chair.evaluate((img) => img.complete && img.naturalWidth === 90 && img.width === 96));
  // Besides hers, only the desk officer's demo photo: nobody else agreed to one.
  assert.deepEqual(await page.locator('ul.directory img').evaluateAll((imgs) => imgs.map((i) => i.alt)),
    ['Trần Thị Lãnh', 'Lê Văn Một']);
  const people = await page.locator('ul.directory li').allInnerTexts();
  assert.ok(people.some((p) => /Trần Thị Lãnh/.test(p) && /0912345602/.test(p)), people.join('|'));
  assert.ok(!people.some((p) => /0912345603/.test(p)), 'an unpublished phone is shown');
  await visit('figures', () => page.goto(`${base}/xa/25270/so-lieu`));
  assert.match(await page.locator('#year-received').innerText(), /^\d[\d.]*$/);
  assert.match(await page.locator('#year-answered-on-time').innerText(), /^(\d+(,\d+)? %|Chưa đủ số liệu)$/);

  // Announcements: a controller's token, shown once; a withdrawal with its reason.
  await login(page, base, 'admin');
  await visit('announcements-staff', () => page.goto(`${base}/desk/announcements?unit=25270`));
  await visit('controllers', () => Promise.all([page.waitForNavigation(), page.locator('#controllers-link').click()]));
  await page.getByLabel('Tên bộ điều khiển').fill('Loa khu phố 1');
  await page.getByLabel('Ấp, khu phố của bộ điều khiển').fill('Khu phố 1');
  await visit('controller-created', () => Promise.all([page.waitForNavigation(),
    page.getByRole('button', { name: 'Đăng ký và tạo mã' }).click()]));
  assert.match(await page.locator('#controller-token').innerText(), /^loa_\d+_[\w-]{40,}$/);
  await page.goto(`${base}/desk/announcements?unit=25270`);
  await visit('withdraw', () => Promise.all([page.waitForNavigation(),
    page.getByRole('link', { name: /Rút thông báo.*Tiêm phòng dại/ }).click()]));
  await page.getByLabel('Lý do rút').fill('Buổi tiêm dời sang tuần sau.');
  await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Rút thông báo' }).click()]);
  assert.match(await page.getByRole('status').innerText(), /Đã rút thông báo/);
  await visit('announcements-public', () => page.goto(`${base}/xa/25270/thong-bao`));
  assert.match(await page.locator('p.withdrawn').first().innerText(), /Đã rút ngày \d\d\/\d\d\/\d{4}.*Buổi tiêm dời sang tuần sau\./);
  assert.equal(await page.locator('audio').count(), 0);

  // Kiosk mode: large text, links that stay in kiosk mode.
  await context.clearCookies();
  await visit('kiosk', () => page.goto(`${base}/xa/25270/kiosk`));
  const size = await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
  assert.ok(size >= 20, `kiosk text is ${size}px`);
  await visit('kiosk-search', () => page.goto(`${base}/xa/25270/thu-tuc?kiosk=1&tim=chung+thuc`));
  assert.match(await page.locator('ul.procedures a').first().getAttribute('href'), /\?kiosk=1$/);
  // After 90 s without a touch, back to the start (the page's clock is moved forward).
  await page.clock.install();
  await page.goto(`${base}/xa/25270/kiosk`);
  // The site's localStorage is not the kiosk's to clear (a ratings tablet on the
  // same address keeps its pairing there); the tab's sessionStorage is.
  await page.evaluate(() => { localStorage.setItem('fg-test-keep', '1'); sessionStorage.setItem('fg-test-drop', '1'); });
  await page.getByLabel('Tìm thủ tục').fill('chung thuc');
  await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Tìm' }).click()]);
  assert.match(page.url(), /\/xa\/25270\/thu-tuc\?kiosk=1&tim=chung\+thuc$/);
  await page.clock.fastForward(60_000);
  assert.match(page.url(), /tim=chung/);  // not yet
  await Promise.all([page.waitForURL(`${base}/xa/25270/kiosk`), page.clock.fastForward(31_000)]);
  assert.equal(await page.getByLabel('Tìm thủ tục').inputValue(), '');  // nothing of the last visitor
  assert.deepEqual(await page.evaluate(() => [localStorage.getItem('fg-test-keep'), sessionStorage.getItem('fg-test-drop')]),
    ['1', null]);
  assert.equal(await context.cookies().then((c) => c.length), 0, 'the kiosk keeps no cookie');

  console.log(weights.join('\n'));
  assert.deepEqual(findings, []);
  await context.close();
});
