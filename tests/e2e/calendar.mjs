// End-to-end: the public year calendar (phone, desktop, A4 print) and an
// administrator recording a government decision that the calendar then shows.
// Usage: node calendar.mjs /path/to/friendlygov /path/to/assets
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { run, viewports, assertNoHorizontalOverflow, login, fillDate, dateValue } from './harness.mjs';

// The cell of day `day` in month `month` (1-12) of the year view.
const cell = (page, month, day) =>
  page.locator('table.month').nth(month - 1).locator('td', { has: page.locator(`span.s:text-is("${day}")`) });

await run('calendar', async ({ base, browser, shots }) => {
  for (const viewport of viewports) {
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    await page.goto(`${base}/calendar?year=2026`);  // public: no login
    assert.equal(await page.locator('h1').innerText(), 'Lịch làm việc năm 2026');
    const tet = cell(page, 2, 17);
    assert.match(await tet.getAttribute('class'), /k-holiday/);
    assert.match(await tet.getAttribute('title'), /Tết Nguyên đán/);
    assert.equal(await tet.locator('.l').innerText(), '1/1');  // mùng 1 tháng Giêng
    assert.match(await cell(page, 1, 10).getAttribute('class'), /k-makeup_workday/);
    assert.match(await cell(page, 4, 27).getAttribute('class'), /k-compensatory/);
    assert.match(await cell(page, 3, 7).getAttribute('class'), /rest/);
    assert.equal(await page.locator('#no-decisions').count(), 0);  // 2026 has published decisions
    await assertNoHorizontalOverflow(page, assert, `calendar (${viewport.name})`);
    await page.screenshot({ path: join(shots, `calendar-${viewport.name}.png`), fullPage: true });
    await context.close();
  }

  // A desk officer on a phone asks when a dossier received after the cut-off before Tết is due.
  {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    await page.goto(`${base}/calendar`);
    await page.getByRole('link', { name: 'Tính hạn giải quyết' }).click();
    await fillDate(page, 'date', '13/02/2026');
    await page.getByLabel('Giờ tiếp nhận').fill('16:10');
    await page.getByLabel('Thời hạn').fill('3');
    await page.getByLabel('Tính theo').selectOption('days');
    await page.getByRole('button', { name: 'Tính hạn' }).click();
    assert.equal(await page.locator('#due-at').getAttribute('data-iso'), '2026-02-25T17:00:00+07:00');
    assert.match(await page.locator('#due-at').innerText(), /25\/02\/2026/);
    await assertNoHorizontalOverflow(page, assert, 'deadline calculator (phone)');
    await page.screenshot({ path: join(shots, 'due-phone.png'), fullPage: true });
    await page.getByLabel('Thời hạn').fill('-1');
    await page.getByRole('button', { name: 'Tính hạn' }).click();
    assert.match(await page.title(), /^Lỗi: /);
    assert.match(await page.locator('.error-summary a[href="#amount"]').innerText(), /không được là số âm/);
    assert.match(await page.locator('#amount-error').innerText(), /không được là số âm/);
    await context.close();
  }

  // The download for calendar applications (iCalendar).
  {
    const page = await browser.newPage();
    const r = await page.request.get(`${base}/calendar.ics?year=2026`);
    assert.equal(r.status(), 200);
    assert.match(r.headers()['content-type'], /^text\/calendar/);
    const ics = (await r.text()).replace(/\r\n /g, '');
    assert.match(ics, /DTSTART;VALUE=DATE:20260217\r\nDTEND;VALUE=DATE:20260218\r\nSUMMARY:Tết Nguyên đán/);
    assert.match(ics, /DTSTART;VALUE=DATE:20260110\r\n.*\r\nSUMMARY:Làm bù cho thứ Sáu 02\/01\/2026 \(Làm bù\)/);
    await page.close();
  }

  // A year without published decisions says that its days follow the general rules.
  {
    const page = await browser.newPage();
    await page.goto(`${base}/calendar?year=2030`);
    assert.ok(await page.locator('#no-decisions').isVisible());
    await page.close();
  }

  // Printed on A4 portrait (190 mm printable width at 96 dpi): the twelve months fit on the first page.
  {
    const context = await browser.newContext({ viewport: { width: 718, height: 1047 } });
    const page = await context.newPage();
    await page.goto(`${base}/calendar?year=2026`);
    await page.emulateMedia({ media: 'print' });
    const bottom = await page.evaluate(() => document.querySelector('.months').getBoundingClientRect().bottom);
    assert.ok(bottom <= 1047, `the months end at ${bottom}px, past one A4 page (1047px)`);
    assert.equal(await page.locator('form.no-print').isVisible(), false);
    await page.pdf({ path: join(shots, 'calendar-2026-a4.pdf'), format: 'A4' });
    await context.close();
  }

  // An administrator records a decision; a wrong one is refused with a message naming the problem.
  {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await login(page, base, 'admin');
    await page.goto(`${base}/calendar/decisions?year=2026`);
    await fillDate(page, 'date', '25/11/2026');
    await page.getByLabel('Loại').selectOption('makeup_workday');
    await page.getByLabel(/^Tên/).fill('Làm bù');
    await page.getByLabel('Căn cứ', { exact: true }).fill('Thông báo thử');
    const refused = page.waitForResponse((r) => r.url().endsWith('/calendar/decisions') && r.request().method() === 'POST');
    await page.getByRole('button', { name: 'Lưu quyết định' }).click();
    assert.equal((await refused).status(), 400);
    assert.match(await page.locator('#kind-error').innerText(), /thứ Bảy hoặc Chủ nhật/);
    assert.equal(await page.locator('.error-summary a[href="#kind"]').count(), 1);

    await fillDate(page, 'date', '24/11/2026');
    await page.getByLabel('Loại').selectOption('holiday');
    await page.getByLabel(/^Tên/).fill('Ngày Văn hóa Việt Nam');
    await page.getByLabel('Căn cứ', { exact: true }).fill('Nghị quyết 80-NQ/TW');
    await page.getByRole('button', { name: 'Lưu quyết định' }).click();
    await page.waitForURL(/done=saved/);
    assert.match(await page.locator('.banner-success').innerText(), /Đã lưu quyết định/);
    assert.ok(await page.getByRole('cell', { name: 'Ngày Văn hóa Việt Nam' }).isVisible());

    // "Sửa" fills the form with the saved decision.
    await page.locator('tr', { hasText: 'Ngày Văn hóa Việt Nam' }).getByRole('link', { name: 'Sửa' }).click();
    assert.equal(await page.getByLabel(/^Tên/).inputValue(), 'Ngày Văn hóa Việt Nam');
    assert.equal(await dateValue(page, 'date'), '24/11/2026');

    await page.goto(`${base}/calendar?year=2026`);
    assert.match(await cell(page, 11, 24).getAttribute('class'), /k-holiday/);
    assert.ok(await page.getByRole('cell', { name: 'Ngày Văn hóa Việt Nam' }).isVisible());
    await context.close();
  }
});
