// End-to-end: the ward's leader on a 360 px phone plans a dialogue session (first without a
// place and with a bad time: the errors beside their fields, what was typed kept), registers an
// issue a citizen raised there, records the result (first with a bad count), sees the follow-up of
// the demo's previous session and downloads the minutes as PDF. axe-core clean on each page, no
// sideways scrolling; screenshots in tests/e2e/screenshots/. Then the administrator connects the
// ward's Zalo OA (first without the secret): the secret is never shown again.
// Usage: node dialogue.mjs /path/to/friendlygov /path/to/assets
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { run, assertNoHorizontalOverflow, login, fillDate } from './harness.mjs';
import { axeFindings } from './audit.mjs';

const phone = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, bypassCSP: true };

await run('dialogue', async ({ base, browser, shots }) => {
  const context = await browser.newContext(phone);
  const page = await context.newPage();
  const check = async (what) => {
    assert.deepEqual(await axeFindings(page), [], `${what}: axe-core findings`);
    await assertNoHorizontalOverflow(page, assert, what);
    await page.screenshot({ path: join(shots, `dialogue-${what}-phone.png`), fullPage: true });
  };
  await login(page, base, 'leader');
  await page.goto(`${base}/feedback/doi-thoai`);
  assert.ok(await page.locator('#sessions tbody tr').count() >= 2, 'the demo sessions are listed');
  await check('list');

  await Promise.all([page.waitForNavigation(), page.getByRole('link', { name: 'Lên lịch buổi đối thoại' }).click()]);
  await page.getByLabel('Tên buổi đối thoại').fill('Đối thoại với thanh niên phường');
  const d = new Date(Date.now() + 7 * 3600 * 1000);  // today in Việt Nam
  const today = `${String(d.getUTCDate()).padStart(2, '0')}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${d.getUTCFullYear()}`;
  await fillDate(page, 'held_on', today);
  await page.getByLabel('Giờ bắt đầu').fill('25:70');
  await page.getByLabel('Người chủ trì').fill('Bí thư Đoàn phường');
  await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Lên lịch' }).click()]);
  assert.match(await page.locator('#starts_at-error').innerText(), /giờ:phút/);
  assert.match(await page.locator('#session_place-error').innerText(), /\S/);
  assert.equal(await page.getByLabel('Tên buổi đối thoại').inputValue(), 'Đối thoại với thanh niên phường');
  await check('plan-errors');
  await page.getByLabel('Giờ bắt đầu').fill('19:30');
  await page.getByLabel('Địa điểm').fill('Nhà văn hóa khu phố 3');
  await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Lên lịch' }).click()]);
  assert.match(await page.locator('#notice').innerText(), /Đã lên lịch/);
  assert.equal(await page.locator('#session-title').innerText(), 'Đối thoại với thanh niên phường');
  assert.match(await page.locator('#session-when').innerText(), new RegExp(`19:30 ngày ${today}`));
  // The follow-up of the demo's session held today before it (or last month's).
  assert.equal(await page.locator('#previous-heading').count(), 1);

  // An issue raised by a citizen.
  await page.getByLabel('Tóm tắt ý kiến').fill('Sân bóng khu phố 3 xuống cấp');
  await page.getByLabel('Nội dung', { exact: true }).fill('Đề nghị sửa lưới và đèn sân bóng.');
  await page.getByLabel('Lĩnh vực').selectOption('infrastructure');
  await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Ghi ý kiến' }).click()]);
  assert.match(await page.locator('#notice').innerText(), /Đã ghi ý kiến/);
  const code = (await page.locator('#raised tbody tr a').first().innerText()).trim();
  assert.match(code, /^GY-25270-\d{4}-\d{4,}$/);

  // The result: a bad count first, then the conclusions.
  await page.getByLabel('Số người dự').fill('khoảng 40');
  await page.getByLabel('Kết luận của người chủ trì').fill('Giao khu phố 3 lập dự toán sửa sân bóng.');
  await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Lưu kết quả' }).click()]);
  assert.match(await page.locator('#attendees-error').innerText(), /số người dự/i);
  assert.equal(await page.getByLabel('Kết luận của người chủ trì').inputValue(), 'Giao khu phố 3 lập dự toán sửa sân bóng.');
  await check('record-error');
  await page.getByLabel('Số người dự').fill('40');
  await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Lưu kết quả' }).click()]);
  assert.match(await page.locator('#notice').innerText(), /Đã lưu kết quả/);
  assert.equal(await page.locator('#session-attendees').innerText(), '40');
  assert.equal(await page.locator('#session-state').innerText(), 'Đã tổ chức');
  await check('session');

  // The issue is in the register, from the channel "Đối thoại".
  await page.goto(`${base}/feedback/${code}`);
  assert.match(await page.locator('main').innerText(), /Sân bóng khu phố 3 xuống cấp/);

  // The minutes.
  await page.goBack();
  const pdf = await page.request.get(`${base}${await page.locator('#minutes-link').getAttribute('href')}`);
  assert.equal(pdf.status(), 200);
  assert.equal(pdf.headers()['content-type'], 'application/pdf');
  const bytes = await pdf.body();
  assert.equal(bytes.subarray(0, 5).toString(), '%PDF-');
  assert.ok(bytes.length > 5000, 'the minutes have content');
  // The place before the date is the ward's name without "Phường" (Decree 30/2020).
  const minutes = execFileSync('pdftotext', ['-enc', 'UTF-8', '-', '-'], { input: bytes }).toString();
  assert.match(minutes, /(^|\n)Chơn Thành, ngày \d{2} tháng \d{1,2} năm \d{4}/);
  await context.close();

  const admin = await browser.newContext(phone);
  const ap = await admin.newPage();
  await login(ap, base, 'admin');
  await ap.goto(`${base}/feedback`);
  await Promise.all([ap.waitForNavigation(), ap.getByRole('link', { name: 'Kênh nhận góp ý' }).click()]);
  await ap.locator('#unit').selectOption('25270');
  await Promise.all([ap.waitForNavigation(), ap.getByRole('button', { name: 'Xem' }).click()]);
  assert.match(await ap.locator('#zalo-status').innerText(), /Chưa kết nối/);
  assert.match(await ap.locator('#zalo-webhook').innerText(), /\/api\/v1\/feedback\/webhooks\/zalo\/25270$/);
  await ap.getByLabel('Mã ứng dụng (App ID)').fill('4321098765');
  await Promise.all([ap.waitForNavigation(), ap.locator('#zalo_secret').locator('xpath=ancestor::form').getByRole('button').click()]);
  assert.match(await ap.locator('#zalo_secret-error').innerText(), /\S/);
  assert.equal(await ap.getByLabel('Mã ứng dụng (App ID)').inputValue(), '4321098765');
  assert.equal(await ap.locator('#facebook_secret-error').count(), 0, 'only the form sent shows errors');
  assert.deepEqual(await axeFindings(ap), [], 'channels with an error: axe-core findings');
  await ap.screenshot({ path: join(shots, 'dialogue-channels-error-phone.png'), fullPage: true });
  await ap.locator('#zalo_secret').fill('khoa-bi-mat-cua-oa');
  await Promise.all([ap.waitForNavigation(), ap.locator('#zalo_secret').locator('xpath=ancestor::form').getByRole('button').click()]);
  assert.match(await ap.locator('#notice').innerText(), /Đã lưu kết nối Zalo/);
  assert.match(await ap.locator('#zalo-status').innerText(), /Đã kết nối \(mã ứng dụng 4321098765\)/);
  assert.doesNotMatch(await ap.content(), /khoa-bi-mat-cua-oa/);
  assert.deepEqual(await axeFindings(ap), [], 'channels: axe-core findings');
  await assertNoHorizontalOverflow(ap, assert, 'channels');
  await ap.screenshot({ path: join(shots, 'dialogue-channels-phone.png'), fullPage: true });
  // The mailbox form: every error beside its field, what was typed kept.
  await ap.getByLabel('Địa chỉ hộp thư (IMAP)').fill('https://mail.example.vn');
  await Promise.all([ap.waitForNavigation(), ap.getByRole('button', { name: 'Kết nối hộp thư' }).click()]);
  for (const id of ['mail_url-error', 'mail_username-error', 'mail_password-error'])
    assert.match(await ap.locator(`#${id}`).innerText(), /\S/, id);
  assert.equal(await ap.getByLabel('Địa chỉ hộp thư (IMAP)').inputValue(), 'https://mail.example.vn');
  assert.equal(await ap.locator('#zalo_secret-error').count(), 0, 'only the form sent shows errors');
  assert.deepEqual(await axeFindings(ap), [], 'mailbox with errors: axe-core findings');
  await ap.screenshot({ path: join(shots, 'dialogue-mailbox-error-phone.png'), fullPage: true });
  await admin.close();
});
