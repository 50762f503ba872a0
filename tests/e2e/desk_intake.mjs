// End-to-end: a desk officer on a phone (360 px) receives a dossier through the
// intake form (search the procedure, tick a document, type the applicant), lands
// on the dossier page with the banner and the link to form 01, transfers it to
// a colleague, and finds it again by the applicant's name typed without
// diacritics. axe-core (WCAG 2.x A/AA) on every page visited, no sideways
// scrolling at 360 px, dates as dd/mm/yyyy; the dossier page again at desktop
// width. The printable receipt (form 01) at desktop width; its QR code is
// decoded from the screenshot (zbarimg) and a citizen on a phone, not logged in,
// follows it to the public lookup. Screenshots: screenshots/desk-*.png.
// Usage: node desk_intake.mjs /path/to/friendlygov /path/to/assets
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { run, viewports, login } from './harness.mjs';
import { axeFindings, overflowFindings, dateFindings } from './audit.mjs';

const [phone, desktop] = viewports;

await run('desk_intake', async ({ base, browser, shots }) => {
  const findings = [];
  const audit = async (page, what) => {
    for (const f of [...await axeFindings(page), ...await dateFindings(page), ...await overflowFindings(page)])
      findings.push(`${what} @${page.viewportSize().width}: ${f.rule} ${f.help} (${f.target})`);
  };
  const context = await browser.newContext({ viewport: phone, bypassCSP: true });
  const page = await context.newPage();
  await login(page, base, 'desk');

  // The navigation leads to the desk home: counts, my queue, the way to intake.
  await page.getByRole('link', { name: 'Một cửa' }).click();
  await page.waitForURL(`${base}/desk`);
  assert.equal(await page.locator('h1').innerText(), 'Bộ phận một cửa');
  assert.match(await page.locator('#count-late').innerText(), /^\d+$/);
  await audit(page, 'desk home');
  await page.screenshot({ path: join(shots, 'desk-home-phone.png'), fullPage: true });

  // Intake, step 1: find the procedure without diacritics.
  await page.getByRole('link', { name: 'Tiếp nhận hồ sơ' }).first().click();
  await page.getByLabel('Tên hoặc mã thủ tục').fill('xac nhan tinh trang hon nhan');
  await page.getByRole('button', { name: 'Tìm thủ tục' }).click();
  await audit(page, 'intake step 1');
  await page.getByRole('link', { name: 'Cấp giấy xác nhận tình trạng hôn nhân' }).click();

  // Step 2: the time limit, the documents to tick (none ticked), the applicant.
  assert.equal(await page.locator('#limit').innerText(), '3 ngày làm việc');
  const boxes = page.locator('input[name=document]');
  assert.equal(await boxes.count(), 2);
  assert.equal(await page.locator('input[name=document]:checked').count(), 0);
  await audit(page, 'intake form');
  // Sent once with mistakes: every one is reported at once, beside its field.
  await page.getByLabel('Số định danh cá nhân').fill('12345');
  await page.getByLabel('Số điện thoại').fill('gọi sau');
  await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Tiếp nhận hồ sơ' }).click()]);
  assert.match(await page.title(), /^Lỗi: /);
  for (const id of ['applicant-name', 'applicant-id_number', 'applicant-phone'])
    assert.equal(await page.locator(`.error-summary a[href="#${id}"]`).count(), 1, id);
  await audit(page, 'intake form with errors');
  await page.screenshot({ path: join(shots, 'desk-intake-errors-phone.png'), fullPage: true });

  await boxes.first().check();
  await page.getByLabel('Họ và tên').fill('Huỳnh Thị Thu Hà');
  await page.getByLabel('Số định danh cá nhân').fill('079190012345');
  await page.getByLabel('Số điện thoại').fill('0903 456 789');
  await page.getByLabel('Nội dung yêu cầu giải quyết').fill('Xác nhận tình trạng hôn nhân để đăng ký kết hôn');
  await page.screenshot({ path: join(shots, 'desk-intake-phone.png'), fullPage: true });
  await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Tiếp nhận hồ sơ' }).click()]);

  // The dossier page: the banner names the code and the due date, form 01 is one click away.
  const url = new URL(page.url());
  assert.equal(url.searchParams.get('done'), 'received');
  const code = decodeURIComponent(url.pathname.split('/').pop());
  assert.match(code, /^000\.27\.01\.H75-\d{6}-\d{4,}$/);
  const banner = await page.locator('.banner-success').innerText();
  assert.match(banner, new RegExp(`Đã tiếp nhận hồ sơ ${code.replace(/\./g, '\\.')}\\. Hẹn trả kết quả lúc \\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2}\\.`));
  assert.equal(await page.getByRole('link', { name: 'In giấy tiếp nhận (mẫu 01)' }).getAttribute('href'),
    `/desk/dossiers/${code}/forms/01`);
  assert.equal(await page.locator('#state').innerText(), 'Được tiếp nhận');
  await audit(page, 'dossier page');
  await page.screenshot({ path: join(shots, 'desk-dossier-received-phone.png'), fullPage: true });

  // The printable receipt: its title, the code, and a QR code that leads a citizen's phone to the lookup.
  {
    const sheet = await context.newPage();
    await sheet.setViewportSize(desktop);
    await sheet.goto(page.url());  // the dossier page as intake left it, with its call-out
    await Promise.all([sheet.waitForNavigation(), sheet.getByRole('link', { name: 'In giấy tiếp nhận (mẫu 01)' }).click()]);
    assert.match(await sheet.locator('#form-title').innerText(), /GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ/i);
    assert.ok((await sheet.locator('.sheet-code').innerText()).includes(code));
    assert.ok((await sheet.locator('article.sheet').innerText()).includes('Huỳnh Thị Thu Hà'));
    await audit(sheet, 'receipt');
    await sheet.screenshot({ path: join(shots, 'desk-receipt-desktop.png'), fullPage: true });
    const qrShot = join(shots, 'desk-receipt-qr.png');
    await sheet.locator('.sheet-qr svg').screenshot({ path: qrShot });
    // What a phone camera reads: the symbol itself, decoded by zbar, not the link printed beside it.
    const scanned = execFileSync('zbarimg', ['--quiet', '--raw', qrShot], { encoding: 'utf8' }).trim();
    assert.equal(scanned, `${base}/tra-cuu?ma=${encodeURIComponent(code)}`);
    await sheet.close();

    const citizen = await browser.newContext({ viewport: phone, isMobile: true, hasTouch: true, bypassCSP: true });
    const mobile = await citizen.newPage();
    const res = await mobile.goto(scanned);
    assert.equal(res.status(), 200);
    assert.equal(await mobile.locator('#ma').inputValue(), code);
    assert.equal(await mobile.locator('#dossier-status').innerText(), 'Đã tiếp nhận, đang chờ giải quyết');
    assert.ok((await mobile.locator('dl.summary').innerText()).includes('Cấp giấy xác nhận tình trạng hôn nhân'));
    assert.notEqual(await mobile.locator('#applicant-name').innerText(), 'Huỳnh Thị Thu Hà');  // masked without the last 4 digits
    await audit(mobile, 'lookup from the receipt QR');
    await mobile.screenshot({ path: join(shots, 'desk-receipt-qr-lookup-phone.png'), fullPage: true });
    await citizen.close();
  }

  // Transfer to the specialist for appraisal.
  await page.getByRole('link', { name: 'Chuyển xử lý' }).click();
  assert.equal(await page.locator('input[name=version]').inputValue(), '1');
  await audit(page, 'transfer form');
  await page.getByLabel('Cán bộ nhận hồ sơ').selectOption({ label: 'Phạm Thị Chuyên – Công chức Văn phòng - Thống kê' });
  await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Chuyển hồ sơ' }).click()]);
  assert.match(await page.locator('.banner-success').innerText(), new RegExp(`Đã chuyển hồ sơ .* cho Phạm Thị Chuyên\\.`));
  assert.equal(await page.locator('#state').innerText(), 'Đang xử lý');
  assert.equal(await page.locator('#assignee').innerText(), 'Phạm Thị Chuyên');
  assert.equal(await page.locator('#handovers tbody tr').count(), 2);
  await audit(page, 'dossier page after transfer');
  await page.screenshot({ path: join(shots, 'desk-dossier-phone.png'), fullPage: true });

  // Found again by the name typed without diacritics.
  await page.goto(`${base}/desk/dossiers?view=all&q=${encodeURIComponent('huynh thi thu ha')}`);
  assert.equal(await page.locator(`table.dossiers a[href="/desk/dossiers/${code}"]`).count(), 1);
  await audit(page, 'list with search');
  await page.screenshot({ path: join(shots, 'desk-list-phone.png'), fullPage: true });

  // Desktop width: the same pages.
  await page.setViewportSize(desktop);
  for (const [what, path, shot] of [['dossier page', `/desk/dossiers/${code}`, 'desk-dossier-desktop.png'],
    ['list', '/desk/dossiers?view=all', 'desk-list-desktop.png'], ['desk home', '/desk', 'desk-home-desktop.png']]) {
    await page.goto(`${base}${path}`);
    await audit(page, what);
    await page.screenshot({ path: join(shots, shot), fullPage: true });
  }
  await context.close();
  assert.deepEqual(findings, [], `accessibility findings:\n${findings.join('\n')}`);
});
