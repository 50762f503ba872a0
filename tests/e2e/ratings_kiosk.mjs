// End-to-end: a desk officer pairs a tablet, receives a dossier and returns its
// result; the tablet (polling) shows the dossier, the citizen taps a face; the
// report shows the rating. Then the tablet loses the network
// (context.setOffline): three ratings queue in IndexedDB and, on reconnection,
// arrive exactly once. axe-core on the tablet, the rating page and the report.
// Screenshots: screenshots/ratings-*.png.
// Usage: node ratings_kiosk.mjs /path/to/friendlygov /path/to/assets
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { run, viewports, login } from './harness.mjs';
import { axeFindings, overflowFindings } from './audit.mjs';

const [phone, desktop] = viewports;
const tablet = { width: 800, height: 1280 };

await run('ratings_kiosk', async ({ base, browser, shots }) => {
  const findings = [];
  const audit = async (page, what) => {
    for (const f of [...await axeFindings(page), ...await overflowFindings(page)])
      findings.push(`${what} @${page.viewportSize().width}: ${f.rule} ${f.help} (${f.target})`);
  };

  // The report before (the demo data has ratings already).
  const reportTotal = async (page) => {
    await page.goto(`${base}/desk/ratings`);
    return Number((await page.locator('#ratings-total').innerText()).trim());
  };

  // The desk officer makes a pairing code.
  const deskContext = await browser.newContext({ viewport: desktop, bypassCSP: true });
  const desk = await deskContext.newPage();
  await login(desk, base, 'desk');
  await desk.getByRole('link', { name: 'Đánh giá', exact: true }).click();
  await desk.waitForURL(`${base}/desk/ratings`);
  const before = await reportTotal(desk);
  await desk.goto(`${base}/desk/ratings/devices`);
  await desk.getByLabel('Tên máy').fill('Bàn số 1');
  await desk.getByRole('button', { name: 'Tạo mã ghép nối' }).click();
  const code = (await desk.locator('#pairing-code').innerText()).trim();
  assert.match(code, /^\d{6}$/);
  await audit(desk, 'devices');

  // The tablet enters it.
  const kioskContext = await browser.newContext({ viewport: tablet, bypassCSP: true });
  const kiosk = await kioskContext.newPage();
  await kiosk.goto(`${base}/kiosk`);
  await kiosk.getByLabel('Mã ghép nối').fill(code);
  await kiosk.getByRole('button', { name: 'Ghép nối' }).click();
  await kiosk.waitForURL(`${base}/kiosk`);
  await kiosk.locator('#kiosk-form').waitFor();
  // The spoken prompt: the browser's speech API is wrapped to record what the page asks it to say.
  await kiosk.addInitScript(() => {
    window.__spoken = [];
    window.speechSynthesis.speak = (u) => window.__spoken.push({ text: u.text, lang: u.lang });
  });
  await kiosk.getByLabel(/Đọc lời mời bằng giọng nói/).check();
  await kiosk.reload();
  assert.ok(await kiosk.getByLabel(/Đọc lời mời bằng giọng nói/).isChecked(), 'the voice setting stays on this tablet');
  assert.deepEqual(await kiosk.evaluate(() => window.__spoken), [], 'nothing is said while no dossier is shown');
  await audit(kiosk, 'kiosk waiting');
  await kiosk.screenshot({ path: join(shots, 'ratings-kiosk-waiting.png') });

  // The desk officer receives a dossier, then returns its result.
  await desk.goto(`${base}/desk/intake`);
  await desk.getByLabel('Tên hoặc mã thủ tục').fill('chung thuc ban sao');
  await desk.getByRole('button', { name: 'Tìm thủ tục' }).click();
  await desk.locator('main a[href*="/desk/intake?procedure"]').first().click();
  const documents = desk.locator('input[name=document]');
  for (let i = 0; i < await documents.count(); ++i) await documents.nth(i).check();
  await desk.getByLabel('Họ và tên').fill('Lê Văn Tâm');
  await desk.getByLabel('Số định danh cá nhân').fill('079190012345');
  await desk.getByLabel('Số điện thoại').fill('0903 222 333');
  await desk.getByLabel('Nội dung yêu cầu giải quyết').fill('Chứng thực bản sao giấy khai sinh');
  await Promise.all([desk.waitForNavigation(), desk.getByRole('button', { name: 'Tiếp nhận hồ sơ' }).click()]);
  const dossier = decodeURIComponent(new URL(desk.url()).pathname.split('/').pop());
  for (const action of ['result_ready', 'return']) {
    await desk.goto(`${base}/desk/dossiers/${encodeURIComponent(dossier)}/actions/${action}`);
    const returnedTo = desk.locator('#returned_to');
    if (await returnedTo.count()) await returnedTo.fill('Lê Văn Tâm');
    await Promise.all([desk.waitForNavigation(), desk.locator('main form button[type=submit]').first().click()]);
    assert.ok(!/actions/.test(desk.url()), `${action} done (${desk.url()})`);
  }

  // The tablet shows the dossier without anyone touching it (polling), then the citizen taps a face.
  await kiosk.locator('#kiosk-dossier', { hasText: dossier }).waitFor({ timeout: 20000 });
  const spoken = await kiosk.evaluate(() => window.__spoken);
  assert.equal(spoken.length, 1, 'the new dossier is announced once');
  assert.equal(spoken[0].lang, 'vi-VN');
  assert.match(spoken[0].text, /^Xin mời ông\/bà đánh giá sự hài lòng với cán bộ .+: chạm vào một khuôn mặt/);
  await audit(kiosk, 'kiosk dossier');
  await kiosk.screenshot({ path: join(shots, 'ratings-kiosk-dossier.png') });
  await kiosk.locator('label.face-very_satisfied').click();
  await kiosk.locator('#kiosk-thanks').waitFor();
  await kiosk.screenshot({ path: join(shots, 'ratings-kiosk-thanks.png') });

  // The report counts it (the queue is sent at once; allow a poll).
  let total = before;
  for (let i = 0; i < 20 && total < before + 1; ++i) {
    total = await reportTotal(desk);
    if (total < before + 1) await desk.waitForTimeout(500);
  }
  assert.equal(total, before + 1, 'the report shows the rating');
  assert.match(await desk.locator('#ratings-table').innerText(), /Lê Văn Một/);
  await audit(desk, 'report');
  await desk.screenshot({ path: join(shots, 'ratings-report.png'), fullPage: true });

  // The network drops: three ratings queue on the tablet.
  await kiosk.goto(`${base}/kiosk`);
  await kiosk.locator('#kiosk-form').waitFor();
  await kioskContext.setOffline(true);
  for (let i = 0; i < 3; ++i) {
    await kiosk.locator('#kiosk-form').waitFor({ state: 'visible', timeout: 30000 });
    await kiosk.locator(i === 2 ? 'label.face-unsatisfied' : 'label.face-satisfied').click();
    if (i === 2) {
      await kiosk.getByLabel('Phải chờ lâu').check();
      await kiosk.getByRole('button', { name: 'Gửi đánh giá' }).click();
    }
    await kiosk.locator('#kiosk-thanks').waitFor({ state: 'visible' });
    // Never the previous answer: the form comes back empty after the pause.
    await kiosk.locator('#kiosk-form').waitFor({ state: 'visible', timeout: 30000 });
    assert.equal(await kiosk.locator('input[name=level]:checked').count(), 0);
  }
  const queued = await kiosk.evaluate(() => new Promise((resolve) => {
    const req = indexedDB.open('fg-kiosk', 1);
    req.onsuccess = () => {
      const r = req.result.transaction('queue', 'readonly').objectStore('queue').count();
      r.onsuccess = () => resolve(r.result);
    };
  }));
  assert.equal(queued, 3, 'three ratings wait in IndexedDB');
  await kiosk.screenshot({ path: join(shots, 'ratings-kiosk-offline.png') });
  assert.equal(await reportTotal(desk), before + 1, 'nothing arrived while offline');

  // Back online: each arrives exactly once, even when sent twice.
  await kioskContext.setOffline(false);
  await kiosk.evaluate(() => window.dispatchEvent(new Event('online')));
  await kiosk.evaluate(() => window.dispatchEvent(new Event('online')));
  for (let i = 0; i < 40 && total < before + 4; ++i) {
    await desk.waitForTimeout(500);
    total = await reportTotal(desk);
  }
  await desk.waitForTimeout(4000);  // more polls: nothing more may arrive
  assert.equal(await reportTotal(desk), before + 4, 'the three queued ratings arrived exactly once');
  await desk.screenshot({ path: join(shots, 'ratings-report-after.png'), fullPage: true });

  // The citizen's rating page from an official's card, on a phone.
  await desk.goto(`${base}/desk/ratings/cards`);
  const pageUrl = await desk.locator('main a', { hasText: 'Trang đánh giá' }).first().getAttribute('href');
  const citizenContext = await browser.newContext({ viewport: phone, bypassCSP: true });
  const citizen = await citizenContext.newPage();
  await citizen.goto(`${base}${pageUrl}`);
  await audit(citizen, 'rating page');
  await citizen.screenshot({ path: join(shots, 'ratings-qr-phone.png'), fullPage: true });
  await citizen.getByRole('button', { name: 'Gửi đánh giá' }).click();
  assert.match(await citizen.locator('.error-summary').innerText(), /Xin chọn một mức hài lòng/);
  await citizen.locator('label.face-satisfied').click();
  await citizen.getByRole('button', { name: 'Gửi đánh giá' }).click();
  await citizen.waitForURL(`${base}/danh-gia/cam-on`);
  await audit(citizen, 'thanks');

  await citizenContext.close();
  await kioskContext.close();
  await deskContext.close();
  assert.deepEqual(findings, []);
});
