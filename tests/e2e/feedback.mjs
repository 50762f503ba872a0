// End-to-end: a citizen on a 360 px phone sends feedback from /gop-y?unit=25270
// without logging in (first with a missing title: the error beside the field),
// gets a code and a key shown once, and looks it up; a specialist drafts the reply, the leader
// approves and publishes it; the citizen sees the answer without personal data.
// axe-core clean on each page, no sideways scrolling; screenshots in
// tests/e2e/screenshots/.
// Usage: node feedback.mjs /path/to/friendlygov /path/to/assets
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { run, assertNoHorizontalOverflow, login } from './harness.mjs';
import { axeFindings } from './audit.mjs';

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
  await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Gửi', exact: true }).click()]);
  assert.match(await page.locator('.error-summary').innerText(), /tiêu đề/i);
  assert.match(await page.locator('#feedback_title-error').innerText(), /tiêu đề/i);
  assert.equal(await page.getByLabel('Nội dung').inputValue(), 'Đèn đường trước số 12 ấp 3 tắt đã một tuần.');
  await check('form-error');
  await page.getByLabel('Tiêu đề').fill('Đèn đường ấp 3 bị hỏng');
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
  await context.close();
});
