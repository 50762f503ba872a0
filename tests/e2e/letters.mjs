// End-to-end: a death registration received at the desk makes a condolence
// draft; the leader finds it in the letters register, opens the letter (the
// reminders on the back side) and its PDF, and signs it.
// axe-core (WCAG 2.x A/AA), no sideways scrolling at 360 px, dd/mm/yyyy dates
// on every page visited. Screenshots: screenshots/letters-*.png.
// Usage: node letters.mjs /path/to/friendlygov /path/to/assets
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { run, viewports, login } from './harness.mjs';
import { axeFindings, overflowFindings, dateFindings } from './audit.mjs';

const [phone, desktop] = viewports;

await run('letters', async ({ base, browser, shots }) => {
  const findings = [];
  const audit = async (page, what) => {
    for (const f of [...await axeFindings(page), ...await dateFindings(page), ...await overflowFindings(page)])
      findings.push(`${what} @${page.viewportSize().width}: ${f.rule} ${f.help} (${f.target})`);
  };

  // The desk officer receives a death registration.
  const deskContext = await browser.newContext({ viewport: phone, bypassCSP: true });
  const desk = await deskContext.newPage();
  await login(desk, base, 'desk');
  await desk.goto(`${base}/desk/intake`);
  await desk.getByLabel('Tên hoặc mã thủ tục').fill('dang ky khai tu');
  await desk.getByRole('button', { name: 'Tìm thủ tục' }).click();
  await desk.getByRole('link', { name: 'Đăng ký khai tử', exact: true }).click();
  await desk.locator('input[name=document]').first().check();
  await desk.getByLabel('Họ và tên').fill('Võ Thị Tường Vi');
  await desk.getByLabel('Số định danh cá nhân').fill('079190054321');
  await desk.getByLabel('Số điện thoại').fill('0903 111 222');
  await desk.getByLabel('Nội dung yêu cầu giải quyết').fill('Đăng ký khai tử cho ông Võ Văn Tám');
  await Promise.all([desk.waitForNavigation(), desk.getByRole('button', { name: 'Tiếp nhận hồ sơ' }).click()]);
  const code = decodeURIComponent(new URL(desk.url()).pathname.split('/').pop());
  await deskContext.close();

  // The leader: the register shows the condolence draft for that dossier.
  const context = await browser.newContext({ viewport: phone, bypassCSP: true });
  const page = await context.newPage();
  await login(page, base, 'leader');
  await page.getByRole('link', { name: 'Thư', exact: true }).click();
  await page.waitForURL(`${base}/thu`);
  assert.equal(await page.locator('h1').innerText(), 'Sổ theo dõi thư');
  const row = page.locator('table.letters tbody tr', { hasText: code });
  assert.equal(await row.count(), 1, `a letter for ${code}`);
  assert.match(await row.innerText(), /Thư chia buồn/);
  assert.match(await row.innerText(), /Võ Thị Tường Vi/);
  assert.match(await row.innerText(), /Bản nháp/);
  await audit(page, 'register');
  await page.screenshot({ path: join(shots, 'letters-register-phone.png'), fullPage: true });

  await row.getByRole('link', { name: 'Thư chia buồn' }).click();
  assert.match(await page.locator('h1').innerText(), /Thư chia buồn: Võ Thị Tường Vi/);
  assert.match(await page.locator('.letter-sheet').first().innerText(), /Gia đình Võ Thị Tường Vi/);
  assert.match(await page.locator('.letter-back').innerText(), /NHỮNG ĐIỀU GIA ĐÌNH CẦN LƯU Ý/);
  await audit(page, 'letter');
  await page.screenshot({ path: join(shots, 'letters-letter-phone.png'), fullPage: true });

  // Its PDF (the page count and text are checked by the unit tests, with pdfinfo and pdftotext).
  const pdfUrl = await page.locator('#letter-pdf').getAttribute('href');
  const pdf = await page.request.get(`${base}${pdfUrl}`);
  assert.equal(pdf.status(), 200);
  assert.equal(pdf.headers()['content-type'], 'application/pdf');
  const bytes = await pdf.body();
  assert.equal(bytes.subarray(0, 5).toString(), '%PDF-');
  assert.ok(bytes.length > 10000, `PDF of ${bytes.length} bytes`);

  // The leader signs it: a number, a banner.
  await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Ký ban hành' }).click()]);
  assert.match(await page.locator('.banner-success').innerText(), /Đã ký ban hành thư/);
  assert.equal(await page.locator('#letter-state').innerText(), 'Đã ký ban hành');
  await audit(page, 'letter issued');

  // The counts page and the template page.
  for (const [what, path] of [['counts', '/thu/thong-ke'], ['templates', '/thu/mau'], ['template', '/thu/mau/condolence']]) {
    await page.goto(`${base}${path}`);
    await audit(page, what);
  }
  await page.setViewportSize(desktop);
  await page.goto(`${base}/thu`);
  await audit(page, 'register');
  await page.screenshot({ path: join(shots, 'letters-register-desktop.png'), fullPage: true });
  await context.close();
  assert.deepEqual(findings, [], `accessibility findings:\n${findings.join('\n')}`);
});
