// End-to-end: a citizen on a 360 px phone sends feedback with a photo from /gop-y?unit=25270
// without logging in (first with a missing title and a file that is not a photo: the errors beside
// their fields), the specialist sees the photo,
// gets a code and a key shown once, and looks it up; a specialist drafts the reply, the leader
// approves and publishes it; the citizen sees the answer without personal data, rates it (once),
// and after the leader closes the item reopens it (first without a reason: the error beside the
// field). The leader then reads the statistics and downloads them as a spreadsheet.
// axe-core clean on each page, no sideways scrolling; screenshots in
// tests/e2e/screenshots/.
// Usage: node feedback.mjs /path/to/friendlygov /path/to/assets
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { deflateSync, crc32 } from 'node:zlib';
import { run, assertNoHorizontalOverflow, login } from './harness.mjs';
import { axeFindings } from './audit.mjs';

// A real 8 x 6 PNG (red), for the photo field.
function png(width, height) {
  const chunk = (type, data) => {
    const len = Buffer.alloc(4); len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type), data]);
    const crc = Buffer.alloc(4); crc.writeUInt32BE(crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0); ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; ihdr[9] = 2;  // 8 bits, RGB
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 3, Buffer.from([200, 30, 30]))]);
  const raw = Buffer.concat(Array(height).fill(row));
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr),
                        chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}
const photo = { name: 'o-ga.png', mimeType: 'image/png', buffer: png(8, 6) };

const phone = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, bypassCSP: true };

await run('feedback', async ({ base, browser, shots }) => {
  const context = await browser.newContext(phone);
  const page = await context.newPage();
  const check = async (what) => {
    assert.deepEqual(await axeFindings(page), [], `${what}: axe-core findings`);
    await assertNoHorizontalOverflow(page, assert, what);
    await page.screenshot({ path: join(shots, `feedback-${what}-phone.png`), fullPage: true });
  };

  // The form for one ward, no login.
  const res = await page.goto(`${base}/gop-y?unit=25270`);
  assert.equal(res.status(), 200);
  assert.match(await page.locator('main').innerText(), /Phường Chơn Thành/);
  await check('form');
  await page.getByLabel('Loại').selectOption('feedback');
  await page.getByLabel('Lĩnh vực').selectOption('infrastructure');
  await page.getByLabel('Nội dung').fill('Đèn đường trước số 12 ấp 3 tắt đã một tuần.');
  await page.getByLabel('Số điện thoại').fill('0912 777 321');
  await page.getByLabel('Họ và tên').fill('Trần Thị Bình');
  // A file that is not a photo, whatever its name: refused beside the field, with the other errors.
  await page.getByLabel('Ảnh (không bắt buộc)').setInputFiles([{ name: 'anh.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('GIF89a not a photo') }]);
  await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Gửi', exact: true }).click()]);
  assert.match(await page.locator('#photo-error').innerText(), /không phải ảnh JPEG hoặc PNG/);
  assert.match(await page.locator('#photo-hint').innerText(), /chọn lại ảnh/);
  assert.match(await page.locator('.error-summary').innerText(), /tiêu đề/i);
  assert.match(await page.locator('#feedback_title-error').innerText(), /tiêu đề/i);
  assert.equal(await page.getByLabel('Nội dung').inputValue(), 'Đèn đường trước số 12 ấp 3 tắt đã một tuần.');
  await check('form-error');
  await page.getByLabel('Tiêu đề').fill('Đèn đường ấp 3 bị hỏng');
  await page.getByLabel('Ảnh (không bắt buộc)').setInputFiles([photo]);
  await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Gửi', exact: true }).click()]);
  const code = (await page.locator('#feedback-code').innerText()).trim();
  assert.match(code, /^GY-25270-\d{4}-\d{4,}$/);
  const key = (await page.locator('#feedback-key').innerText()).trim();
  assert.match(key, /^[a-z2-9]{4}-[a-z2-9]{4}$/);
  await check('sent');
  // The key is shown once: not on a reload, and never in the address.
  assert.doesNotMatch(page.url(), new RegExp(key));
  await page.reload();
  assert.equal(await page.locator('#feedback-key').count(), 0);
  assert.equal((await page.locator('#feedback-code').innerText()).trim(), code);

  // The lookup needs the key, or the last 4 digits of the phone.
  await Promise.all([page.waitForNavigation(), page.locator('#lookup-link').click()]);
  assert.equal(await page.locator('#ma').inputValue(), code);
  await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Tra cứu' }).click()]);
  assert.equal(await page.locator('#not-found').count(), 1, 'the code alone opens nothing');
  await check('lookup-not-found');
  await page.getByLabel('Mã bảo mật hoặc 4 số cuối điện thoại').fill(key.toUpperCase().replace('-', ' '));
  await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Tra cứu' }).click()]);
  assert.equal(await page.locator('#item-status').innerText(), 'Mới tiếp nhận');
  await page.getByLabel('Mã bảo mật hoặc 4 số cuối điện thoại').fill('7321');
  await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Tra cứu' }).click()]);
  assert.equal(await page.locator('#item-status').innerText(), 'Mới tiếp nhận');
  assert.match(await page.locator('#item-due').innerText(), /^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/);
  await check('lookup-received');

  // Officials: a specialist drafts, the leader approves and publishes.
  const reply = 'Đã thay bóng đèn ngày hôm nay. Cảm ơn bà Trần Thị Bình (0912 777 321) đã báo.';
  {
    const staff = await browser.newContext(phone);
    const p = await staff.newPage();
    await login(p, base, 'specialist');
    await p.goto(`${base}/feedback`);
    await Promise.all([p.waitForNavigation(), p.getByRole('link', { name: code }).click()]);
    // The photo she sent, for the officials only.
    const img = p.locator('.photo-list img');
    assert.equal(await img.count(), 1);
    await img.scrollIntoViewIfNeeded();
    assert.equal(await img.evaluate((e) => e.complete && e.naturalWidth), 8, 'the photo is shown');
    assert.equal((await page.request.get(`${base}${await p.locator('.photo-list a').getAttribute('href')}`, { maxRedirects: 0 })).status(), 303, 'not to the citizen');
    await p.getByLabel('Việc làm').selectOption('draft_reply');
    await p.getByLabel('Nội dung').fill(reply);
    await Promise.all([p.waitForNavigation(), p.getByRole('button', { name: 'Thực hiện' }).click()]);
    assert.match(await p.locator('#notice').innerText(), /chờ lãnh đạo duyệt/);
    assert.deepEqual(await axeFindings(p), [], 'item page: axe-core findings');
    await assertNoHorizontalOverflow(p, assert, 'item page');
    await p.screenshot({ path: join(shots, 'feedback-item-drafted-phone.png'), fullPage: true });
    await staff.close();
  }
  {
    const staff = await browser.newContext(phone);
    const p = await staff.newPage();
    await login(p, base, 'leader');
    await p.goto(`${base}/feedback/${code}`);
    await p.getByLabel('Việc làm').selectOption('approve_reply');
    await Promise.all([p.waitForNavigation(), p.getByRole('button', { name: 'Thực hiện' }).click()]);
    assert.match(await p.locator('#notice').innerText(), /Đã duyệt và gửi trả lời/);
    await p.getByLabel('Việc làm').selectOption('publish');
    await Promise.all([p.waitForNavigation(), p.getByRole('button', { name: 'Thực hiện' }).click()]);
    assert.match(await p.locator('#notice').innerText(), /Đã công khai/);
    assert.deepEqual(await axeFindings(p), [], 'published item: axe-core findings');
    await p.screenshot({ path: join(shots, 'feedback-item-published-phone.png'), fullPage: true });
    await staff.close();
  }

  // The citizen sees the answer, without her name or phone.
  await page.reload();
  assert.equal(await page.locator('#item-status').innerText(), 'Đã trả lời');
  const answer = await page.locator('#published-answer').innerText();
  assert.match(answer, /Đã thay bóng đèn ngày hôm nay/);
  assert.doesNotMatch(answer, /Trần Thị Bình|0912/);
  await check('lookup-answered');

  // She rates the answer, once.
  await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Không hài lòng' }).click()]);
  assert.match(await page.locator('#notice').innerText(), /Cảm ơn/);
  assert.match(await page.locator('#rated').innerText(), /Không hài lòng/);
  assert.equal(await page.getByRole('button', { name: 'Hài lòng', exact: true }).count(), 0, 'rated once');
  await check('lookup-rated');

  // The leader closes it; she reopens it within the window, with a reason.
  const leader = await browser.newContext(phone);
  const lp = await leader.newPage();
  await login(lp, base, 'leader');
  await lp.goto(`${base}/feedback/${code}`);
  await lp.getByLabel('Việc làm').selectOption('close');
  await Promise.all([lp.waitForNavigation(), lp.getByRole('button', { name: 'Thực hiện' }).click()]);
  assert.match(await lp.locator('#notice').innerText(), /Đã kết thúc/);
  await page.reload();
  assert.equal(await page.locator('#item-status').innerText(), 'Đã kết thúc');
  assert.match(await page.locator('#reopen-hint').innerText(), /\d{2}\/\d{2}\/\d{4}/);
  await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Đề nghị mở lại' }).click()]);
  assert.match(await page.locator('#feedback_text-error').innerText(), /\S/);
  assert.equal(await page.locator('#item-status').innerText(), 'Đã kết thúc', 'nothing changed');
  await check('lookup-reopen-error');
  await page.getByLabel('Lý do mở lại').fill('Đèn lại tắt từ tối qua.');
  await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Đề nghị mở lại' }).click()]);
  assert.match(await page.locator('#notice').innerText(), /Đã mở lại/);
  assert.equal(await page.locator('#item-status').innerText(), 'Đang xử lý');
  assert.equal(await page.locator('#reopen-submit').count(), 0);
  await check('lookup-reopened');

  // The leader's statistics: this item among those received this month, by channel "web".
  await lp.goto(`${base}/feedback/thong-ke?unit=25270`);
  assert.match(await lp.locator('#report-heading').innerText(), /Chơn Thành/);
  assert.ok(Number((await lp.locator('#total-received').innerText()).replace(/\./g, '')) >= 1);
  const web = lp.locator('#by-channel tbody tr', { hasText: 'Trang góp ý' });
  assert.ok(Number((await web.locator('td').first().innerText()).replace(/\./g, '')) >= 1, 'web channel counted');
  assert.deepEqual(await axeFindings(lp), [], 'statistics: axe-core findings');
  await assertNoHorizontalOverflow(lp, assert, 'statistics');
  await lp.screenshot({ path: join(shots, 'feedback-stats-phone.png'), fullPage: true });
  const xlsx = await lp.request.get(`${base}${await lp.getByRole('link', { name: /tệp Excel/ }).getAttribute('href')}`);
  assert.equal(xlsx.status(), 200);
  assert.match(xlsx.headers()['content-type'], /spreadsheetml/);
  assert.equal((await xlsx.body()).subarray(0, 2).toString(), 'PK');
  // A bad date: the error beside the field, nothing counted.
  await lp.goto(`${base}/feedback/thong-ke?unit=25270&from=2026-02-30`);
  assert.equal(await lp.locator('#report-heading').count(), 0);
  assert.match(await lp.locator('.error-summary').innerText(), /\S/);
  await lp.screenshot({ path: join(shots, 'feedback-stats-error-phone.png'), fullPage: true });
  await leader.close();
  await context.close();
});
