// End-to-end: an administrator starts a survey campaign from the SIPAS
// template and makes a sheet of invitations; a citizen (phone size, no login)
// answers through an invitation link; a second answer with the same link is
// refused politely; the campaign page shows the response, the progress and the
// element indexes. A sheet printed per official, one card answered: the report
// by official shows that official. The administrator edits the campaign and
// closes it early through its confirmation page; an unused invitation then says
// the campaign is closed. axe-core on every page met. Screenshots: screenshots/surveys-*.png.
// Usage: node surveys.mjs /path/to/friendlygov /path/to/assets
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { run, viewports, login, fillDate } from './harness.mjs';
import { axeFindings, overflowFindings } from './audit.mjs';

const [phone, desktop] = viewports;

// dd/mm/yyyy of today + `days` in Vietnam (UTC+7).
function vnDate(days) {
  const d = new Date(Date.now() + 7 * 3600 * 1000 + days * 86400 * 1000);
  const p = (n) => String(n).padStart(2, '0');
  return `${p(d.getUTCDate())}/${p(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
}

await run('surveys', async ({ base, browser, shots }) => {
  const findings = [];
  const audit = async (page, what) => {
    for (const f of [...await axeFindings(page), ...await overflowFindings(page)])
      findings.push(`${what} @${page.viewportSize().width}: ${f.rule} ${f.help} (${f.target})`);
  };

  // The administrator starts a campaign from the SIPAS template (the default questionnaire).
  const adminContext = await browser.newContext({ viewport: desktop, bypassCSP: true });
  const admin = await adminContext.newPage();
  await login(admin, base, 'admin');
  await admin.goto(`${base}/surveys/campaigns`);
  await audit(admin, 'campaigns');
  await admin.locator('#new-campaign').click();
  await admin.waitForURL(`${base}/surveys/campaigns/new`);
  assert.match(await admin.locator('#questionnaire_id option:checked').innerText(), /SIPAS/);
  await audit(admin, 'new campaign');
  // Every problem at once, beside its field.
  await admin.getByLabel('Mã các đơn vị được khảo sát').fill('');
  await admin.getByLabel('Số phiếu cần có ở mỗi đơn vị').fill('0');
  await admin.getByRole('button', { name: 'Tạo đợt khảo sát' }).click();
  assert.equal(await admin.locator('.error-summary li').count(), 3);  // name, units, target
  assert.equal(await admin.locator('.field-error').count(), 3);
  await audit(admin, 'new campaign errors');
  await admin.getByLabel('Tên đợt khảo sát').fill('Khảo sát SIPAS thử nghiệm');
  await fillDate(admin, 'from', vnDate(0));
  await fillDate(admin, 'to', vnDate(30));
  await admin.getByLabel('Mã các đơn vị được khảo sát').fill('25270');
  await admin.getByLabel('Số phiếu cần có ở mỗi đơn vị').fill('50');
  await admin.getByRole('button', { name: 'Tạo đợt khảo sát' }).click();
  await admin.waitForURL(/\/surveys\/campaigns\/\d+\?done=created/);
  const campaignUrl = admin.url().replace(/\?.*$/, '');
  assert.match(await admin.locator('.banner').first().innerText(), /Đã tạo đợt khảo sát/);
  await audit(admin, 'campaign');

  // A sheet of three invitations for the ward.
  await admin.getByLabel('Đơn vị', { exact: true }).selectOption('25270');
  await admin.getByLabel('Số phiếu (khi in theo đơn vị)').fill('3');
  await admin.getByRole('button', { name: 'Tạo phiếu mời' }).click();
  await admin.waitForURL(/done=invitations/);
  const pdfHref = await admin.locator('#sheet-ready a').getAttribute('href');
  const pdf = await admin.request.get(`${base}${pdfHref}`);
  assert.equal(pdf.status(), 200);
  assert.equal(pdf.headers()['content-type'], 'application/pdf');
  assert.ok((await pdf.body()).subarray(0, 5).toString() === '%PDF-');
  await admin.locator('#batches-table a').first().click();
  await audit(admin, 'invitations');
  const link = await admin.locator('#invitations-table a').first().getAttribute('href');
  assert.match(link, /^\/khao-sat\/\d+\.[A-Za-z0-9_-]+$/);
  const unusedLink = await admin.locator('#invitations-table a').nth(1).getAttribute('href');

  // The citizen, on a phone, without logging in.
  const citizenContext = await browser.newContext({ viewport: phone, bypassCSP: true });
  const citizen = await citizenContext.newPage();
  await citizen.goto(`${base}${link}`);
  assert.equal(await citizen.locator('#survey-unit').innerText(), 'Phường Chơn Thành');
  await audit(citizen, 'answer');
  await citizen.screenshot({ path: join(shots, 'surveys-answer-phone.png'), fullPage: true });
  // A second tab keeps the form open (it will try to answer again).
  const stale = await citizenContext.newPage();
  await stale.goto(`${base}${link}`);
  // Nothing chosen: every required question is named at once, each beside its field.
  await citizen.getByRole('button', { name: 'Gửi câu trả lời' }).click();
  assert.equal(await citizen.locator('.error-summary li').count(), 19);
  assert.equal(await citizen.locator('.field-error').count(), 19);
  await audit(citizen, 'answer errors');
  const radios = citizen.locator('input[type=radio][value="5"]');
  for (let i = 0; i < await radios.count(); ++i) await radios.nth(i).check();
  await citizen.locator('input[type=radio][value="2"]').first().check();  // the waiting area: not satisfied
  await citizen.locator('textarea').first().fill('Cần thêm ghế ngồi chờ.');
  await citizen.getByRole('button', { name: 'Gửi câu trả lời' }).click();
  await citizen.waitForURL(`${base}/khao-sat/cam-on`);
  await audit(citizen, 'thanks');
  await citizen.screenshot({ path: join(shots, 'surveys-thanks-phone.png'), fullPage: true });

  // The same link again: a plain refusal, no form.
  await citizen.goto(`${base}${link}`);
  assert.match(await citizen.locator('#survey-answered').innerText(), /đã được trả lời/);
  assert.equal(await citizen.locator('form button[type=submit]').count(), 0);
  await audit(citizen, 'already answered');
  // The tab left open sends a second answer: refused politely, nothing stored.
  const staleRadios = stale.locator('input[type=radio][value="4"]');
  for (let i = 0; i < await staleRadios.count(); ++i) await staleRadios.nth(i).check();
  const [response] = await Promise.all([stale.waitForNavigation(), stale.getByRole('button', { name: 'Gửi câu trả lời' }).click()]);
  assert.equal(response.status(), 409);
  assert.match(await stale.locator('#survey-answered').innerText(), /Mỗi phiếu mời/);
  await stale.screenshot({ path: join(shots, 'surveys-second-answer-phone.png'), fullPage: true });

  // The campaign page: one response against the target of 50, and the indexes.
  await admin.goto(campaignUrl);
  const row = admin.locator('#progress-table tbody tr', { hasText: 'Phường Chơn Thành' });
  assert.equal((await row.locator('td').first().innerText()).trim(), '1');
  assert.equal((await admin.locator('#result-responses').innerText()).trim(), '1');
  const elements = admin.locator('#indexes-table tbody tr');
  assert.equal(await elements.count(), 5);
  const access = elements.filter({ hasText: 'Tiếp cận dịch vụ' });
  assert.match(await access.innerText(), /66,7/);  // 2 of 3 satisfied
  assert.match(await access.innerText(), /quá ít câu trả lời/);
  assert.match(await elements.filter({ hasText: 'Thủ tục hành chính' }).innerText(), /100,0/);
  await audit(admin, 'campaign after');
  await admin.screenshot({ path: join(shots, 'surveys-campaign.png'), fullPage: true });

  // The report: the chart with the table beside it, and the downloads.
  await admin.getByRole('link', { name: 'Xem báo cáo chi tiết' }).click();
  assert.equal((await admin.locator('#report-responses').innerText()).trim(), '1');
  assert.equal(await admin.locator('figure svg[role=img]').count(), 1);
  await audit(admin, 'report');
  await admin.screenshot({ path: join(shots, 'surveys-report.png'), fullPage: true });
  const csv = await admin.request.get(`${base}${await admin.locator('a', { hasText: 'Tải tệp CSV' }).getAttribute('href')}`);
  assert.equal(csv.status(), 200);
  assert.match(await csv.text(), /Tiếp cận dịch vụ,3,"66,7"/);

  // A sheet with one invitation per official of the ward; the citizen answers the first card.
  await admin.goto(campaignUrl);
  await admin.getByLabel('Đơn vị', { exact: true }).selectOption('25270');
  await admin.locator('#per-official').check();
  await admin.getByRole('button', { name: 'Tạo phiếu mời' }).click();
  await admin.waitForURL(/done=invitations/);
  await admin.locator('#batches-table a').first().click();  // the newest sheet
  const card = admin.locator('#invitations-table tbody tr').first();
  const officialName = (await card.locator('td[data-label="Cán bộ"]').innerText()).trim();
  assert.notEqual(officialName, '—');
  await citizen.goto(`${base}${await card.locator('a').getAttribute('href')}`);
  const fives = citizen.locator('input[type=radio][value="5"]');
  for (let i = 0; i < await fives.count(); ++i) await fives.nth(i).check();
  await citizen.getByRole('button', { name: 'Gửi câu trả lời' }).click();
  await citizen.waitForURL(`${base}/khao-sat/cam-on`);
  // The report by official: that official alone, one response, every index 100 %.
  await admin.goto(`${campaignUrl}/report`);
  await admin.getByLabel('Theo').selectOption('official');
  await admin.getByRole('button', { name: 'Xem kết quả' }).click();
  await admin.waitForURL(/by=official/);
  assert.equal((await admin.locator('#report-responses').innerText()).trim(), '1');
  const officials = admin.locator('#officials-table tbody tr');
  assert.equal(await officials.count(), 1);
  assert.equal((await officials.first().locator('th').innerText()).trim(), officialName);
  assert.match(await officials.first().innerText(), /100,0/);
  assert.match(await officials.first().innerText(), /quá ít câu trả lời/);
  await audit(admin, 'report by official');
  await admin.screenshot({ path: join(shots, 'surveys-report-by-official.png'), fullPage: true });
  const csvByOfficial = await admin.request.get(`${base}${await admin.locator('a', { hasText: 'Tải tệp CSV' }).getAttribute('href')}`);
  assert.equal(csvByOfficial.status(), 200);
  assert.ok((await csvByOfficial.text()).includes(`${officialName},Tiếp cận dịch vụ,3,"100,0"`));

  // The administrator edits the campaign: every problem beside its field, then saved.
  await admin.goto(campaignUrl);
  await admin.locator('#campaign-manage a', { hasText: 'Sửa đợt khảo sát' }).click();
  await admin.waitForURL(`${campaignUrl}/edit`);
  await audit(admin, 'edit campaign');
  await admin.getByLabel('Tên đợt khảo sát').fill('');
  await admin.getByLabel('Số phiếu cần có ở mỗi đơn vị').fill('0');
  await admin.getByRole('button', { name: 'Lưu thay đổi' }).click();
  assert.equal(await admin.locator('.error-summary li').count(), 2);
  assert.equal(await admin.locator('.field-error').count(), 2);
  await audit(admin, 'edit campaign errors');
  await admin.getByLabel('Tên đợt khảo sát').fill('Khảo sát SIPAS thử nghiệm (đã sửa)');
  await admin.getByLabel('Số phiếu cần có ở mỗi đơn vị').fill('60');
  await admin.getByRole('button', { name: 'Lưu thay đổi' }).click();
  await admin.waitForURL(/done=updated/);
  assert.match(await admin.locator('.banner').first().innerText(), /Đã lưu thay đổi/);
  assert.equal(await admin.locator('h1').innerText(), 'Khảo sát SIPAS thử nghiệm (đã sửa)');

  // ... and closes it early: a page that asks, then the campaign says so.
  await admin.locator('#campaign-manage a', { hasText: 'Kết thúc sớm' }).click();
  await admin.waitForURL(`${campaignUrl}/close`);
  await audit(admin, 'close campaign');
  await admin.screenshot({ path: join(shots, 'surveys-close-confirm.png'), fullPage: true });
  await admin.getByRole('button', { name: 'Kết thúc sớm' }).click();
  await admin.waitForURL(/done=closed/);
  assert.match(await admin.locator('.banner').first().innerText(), /Đã kết thúc sớm đợt khảo sát/);
  assert.match(await admin.locator('#campaign-state').innerText(), /Đã kết thúc sớm ngày \d{2}\/\d{2}\/\d{4}/);
  assert.equal(await admin.locator('#campaign-manage').count(), 0);
  // The report stays.
  assert.equal((await admin.locator('#result-responses').innerText()).trim(), '2');
  // An invitation not used yet: the plain closed page, no form.
  await citizen.goto(`${base}${unusedLink}`);
  assert.match(await citizen.locator('#survey-closed').innerText(), /đã kết thúc/);
  assert.equal(await citizen.locator('form button[type=submit]').count(), 0);
  await audit(citizen, 'closed');
  await citizen.screenshot({ path: join(shots, 'surveys-closed-phone.png'), fullPage: true });

  await citizenContext.close();
  await adminContext.close();
  assert.deepEqual(findings, []);
});
