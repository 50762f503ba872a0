// End-to-end: the letters' own pages of issue 13, part two, at 360 px.
// 1. "Do not send": the desk officer adds a family (errors beside their fields
//    first), a birth registration of that person makes no draft, the province's
//    administrator sees the ID number masked, and the entry is removed through
//    a confirmation page.
// 2. Signer settings: the leader saves the signer (an empty place is refused
//    beside its field); the specialist reads them without a form.
// 3. A draft's own text: the leader adds a sentence to a draft, signs it, and
//    the signed letter's text is frozen (no edit link, a read-only page, 409).
// axe-core, no sideways scrolling, dd/mm/yyyy dates on every page visited.
// Screenshots: screenshots/letters-pages-*.png.
// Usage: node letters_pages.mjs /path/to/friendlygov /path/to/assets
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { run, viewports, login } from './harness.mjs';
import { axeFindings, overflowFindings, dateFindings } from './audit.mjs';

const [phone] = viewports;

await run('letters_pages', async ({ base, browser, shots }) => {
  const findings = [];
  const audit = async (page, what) => {
    for (const f of [...await axeFindings(page), ...await dateFindings(page), ...await overflowFindings(page)])
      findings.push(`${what} @${page.viewportSize().width}: ${f.rule} ${f.help} (${f.target})`);
  };
  const as = async (who) => {
    const context = await browser.newContext({ viewport: phone, bypassCSP: true });
    const page = await context.newPage();
    await login(page, base, who);
    return { context, page };
  };
  const submit = (page, name) => Promise.all([page.waitForNavigation(), page.getByRole('button', { name }).click()]);

  // ---- 1. "do not send" ----
  const { context: deskContext, page: desk } = await as('desk');
  await desk.goto(`${base}/thu`);
  await Promise.all([desk.waitForNavigation(), desk.getByRole('link', { name: 'Danh sách không gửi thư' }).click()]);
  assert.equal(await desk.locator('h1').innerText(), 'Danh sách không gửi thư');
  // Every error at once, beside its field and in the summary, the typed values kept.
  await desk.getByLabel('Số định danh cá nhân (không bắt buộc)').fill('07919x');
  await desk.getByLabel('Số điện thoại (không bắt buộc)').fill('12');
  await submit(desk, 'Thêm vào danh sách');
  assert.equal(await desk.locator('.error-summary li').count(), 3);
  for (const id of ['name', 'id_number', 'phone']) {
    assert.equal(await desk.locator(`#${id}`).getAttribute('aria-invalid'), 'true', id);
    assert.equal(await desk.locator(`#${id}-error`).count(), 1, id);
  }
  assert.equal(await desk.locator('#id_number').inputValue(), '07919x');
  await audit(desk, 'do-not-send errors');
  await desk.screenshot({ path: join(shots, 'letters-pages-dns-errors-phone.png'), fullPage: true });
  await desk.getByLabel('Họ và tên').fill('Đặng Thị Mai');
  await desk.getByLabel('Số định danh cá nhân (không bắt buộc)').fill('079190012345');
  await desk.getByLabel('Số điện thoại (không bắt buộc)').fill('');
  await desk.getByLabel('Lý do (không bắt buộc)').fill('Gia đình xin không nhận thư');
  await submit(desk, 'Thêm vào danh sách');
  assert.match(await desk.locator('.banner-success').innerText(), /Đã thêm người vào danh sách không gửi thư/);
  const entry = desk.locator('#dns-list tbody tr', { hasText: 'Đặng Thị Mai' });
  assert.equal(await entry.count(), 1);
  assert.match(await entry.innerText(), /079190012345/);  // the ward's own officials read it
  await audit(desk, 'do-not-send list');
  await desk.screenshot({ path: join(shots, 'letters-pages-dns-phone.png'), fullPage: true });

  // A birth registration of that person: no congratulation draft for the dossier.
  await desk.goto(`${base}/desk/intake`);
  await desk.getByLabel('Tên hoặc mã thủ tục').fill('dang ky khai sinh');
  await desk.getByRole('button', { name: 'Tìm thủ tục' }).click();
  await desk.getByRole('link', { name: 'Đăng ký khai sinh', exact: true }).click();
  await desk.locator('input[name=document]').first().check();
  await desk.getByLabel('Họ và tên').fill('Đặng Thị Mai');
  await desk.getByLabel('Số định danh cá nhân').fill('079190012345');
  await desk.getByLabel('Nội dung yêu cầu giải quyết').fill('Đăng ký khai sinh cho con');
  await submit(desk, 'Tiếp nhận hồ sơ');
  const code = decodeURIComponent(new URL(desk.url()).pathname.split('/').pop());
  await desk.goto(`${base}/thu`);
  assert.equal(await desk.locator('table.letters tbody tr', { hasText: code }).count(), 0, `no letter for ${code}`);

  // The province's administrator sees the entry with the ID number masked.
  const { context: adminContext, page: admin } = await as('admin');
  await admin.goto(`${base}/thu/khong-gui?unit=75`);
  const masked = admin.locator('#dns-list tbody tr', { hasText: 'Đặng Thị Mai' });
  assert.equal(await masked.count(), 1);
  assert.doesNotMatch(await masked.innerText(), /079190012345/);
  assert.match(await masked.innerText(), /\*+345/);
  await audit(admin, 'do-not-send masked');
  await adminContext.close();

  // Removed through a confirmation page (keyboard: the link, then the button).
  await desk.goto(`${base}/thu/khong-gui`);
  await entry.getByRole('link', { name: /Xóa/ }).focus();
  await Promise.all([desk.waitForNavigation(), desk.keyboard.press('Enter')]);
  assert.match(await desk.locator('main').innerText(), /Xóa Đặng Thị Mai/);
  await audit(desk, 'do-not-send confirm');
  await desk.screenshot({ path: join(shots, 'letters-pages-dns-confirm-phone.png'), fullPage: true });
  await submit(desk, 'Xóa khỏi danh sách');
  assert.match(await desk.locator('.banner-success').innerText(), /Đã xóa người khỏi danh sách/);
  assert.equal(await entry.count(), 0);
  await deskContext.close();

  // ---- 2. signer settings ----
  const { context: leaderContext, page } = await as('leader');
  await page.goto(`${base}/thu`);
  await Promise.all([page.waitForNavigation(), page.getByRole('link', { name: 'Người ký thư' }).click()]);
  assert.equal(await page.locator('h1').innerText(), 'Người ký thư và địa danh');
  await page.getByLabel('Địa danh ghi trên thư').fill('');
  await submit(page, 'Lưu');
  assert.equal(await page.locator('.error-summary li').count(), 1);
  assert.equal(await page.locator('#place').getAttribute('aria-invalid'), 'true');
  await audit(page, 'settings error');
  await page.getByLabel('Địa danh ghi trên thư').fill('Phường Sài Gòn');
  await page.getByLabel('Họ và tên người ký (không bắt buộc)').fill('Trần Thị Lãnh');
  await submit(page, 'Lưu');
  assert.match(await page.locator('.banner-success').innerText(), /Đã lưu người ký và địa danh/);
  assert.equal(await page.locator('#signer_name').inputValue(), 'Trần Thị Lãnh');
  await audit(page, 'settings');
  await page.screenshot({ path: join(shots, 'letters-pages-settings-phone.png'), fullPage: true });

  const { context: specContext, page: spec } = await as('specialist');
  await spec.goto(`${base}/thu/cai-dat`);
  assert.equal(await spec.locator('main form[method=post]').count(), 0, 'no form for who cannot save');
  assert.match(await spec.locator('#settings-view').innerText(), /Trần Thị Lãnh/);
  await audit(spec, 'settings read-only');
  await specContext.close();

  // ---- 3. a draft's own text ----
  await page.goto(`${base}/thu/moi`);
  await page.getByLabel('Loại thư').selectOption('thanks');
  await page.getByLabel('Người nhận', { exact: true }).fill('Ông Đỗ Văn Lon');
  await page.getByLabel('Dịp gửi thư (không bắt buộc)').fill('ủng hộ xây dựng nhà văn hóa khu phố');
  await submit(page, 'Lập bản nháp');
  assert.match(await page.locator('.letter-sheet').first().innerText(), /Trần Thị Lãnh/);  // the saved signer
  await Promise.all([page.waitForNavigation(), page.locator('#letter-edit').click()]);
  const front = page.locator('#front');
  await front.fill((await front.inputValue()).replace('Ông Đỗ Văn Lon', 'Ông Đỗ Văn Long') +
    '\n\nKính chúc ông và gia đình sức khỏe, hạnh phúc.');
  await audit(page, 'edit');
  await page.screenshot({ path: join(shots, 'letters-pages-edit-phone.png'), fullPage: true });
  await submit(page, 'Lưu nội dung bản nháp');
  assert.match(await page.locator('.banner-success').innerText(), /Đã lưu nội dung bản nháp/);
  const sheet = await page.locator('.letter-sheet').first().innerText();
  assert.match(sheet, /Kính chúc ông và gia đình sức khỏe, hạnh phúc\./);
  assert.match(sheet, /Ông Đỗ Văn Long/);
  const letterUrl = page.url().split('?')[0];
  await submit(page, 'Ký ban hành');
  assert.equal(await page.locator('#letter-edit').count(), 0, 'a signed letter has no edit link');
  await page.goto(`${letterUrl}/sua`);
  assert.equal(await page.locator('#letter-frozen').count(), 1);
  assert.equal(await page.locator('#front').count(), 0);
  await audit(page, 'edit frozen');
  // A form posted after signing (an old tab) is refused: 409, the text unchanged.
  const token = await page.locator('input[name=csrf_token]').first().inputValue();
  const res = await page.request.post(`${letterUrl}/sua`,
    { form: { revision: '1', title: 'X', front: 'Y', back: '', csrf_token: token }, maxRedirects: 0 });
  assert.equal(res.status(), 409, 'POST after signing');
  await page.goto(letterUrl);
  assert.match(await page.locator('.letter-sheet').first().innerText(), /Kính chúc ông và gia đình/);
  await leaderContext.close();
  assert.deepEqual(findings, [], `accessibility findings:\n${findings.join('\n')}`);
});
