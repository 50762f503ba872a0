// End-to-end: the demo administrator opens the questionnaire editor from a copy
// of the SIPAS template, adds a question with "Thêm câu hỏi" (nothing saved,
// nothing typed lost), saves once with a mistake (the message beside its
// field and in the summary), fixes it and saves: the confirmation, then the
// version in the list. A new version is saved with Enter; a question moved
// with "Lên"; the preview shows the questions as citizens will; a campaign
// starts on the new version, which is then shown as in use. A leader sees
// the list without any editor link and gets 403 for the editor.
// axe-core and the 360 px width on every page met.
// Usage: node questionnaire_editor.mjs /path/to/friendlygov /path/to/assets
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

const field = (page, id) => page.locator(`[id="${id}"]`);
// Presses a submit button (or Enter in a field) and waits for the page the server answers with.
async function submitWith(page, act) {
  const [response] = await Promise.all([page.waitForNavigation(), act()]);
  return response;
}

await run('questionnaire_editor', async ({ base, browser, shots }) => {
  const findings = [];
  const audit = async (page, what) => {
    for (const f of [...await axeFindings(page), ...await overflowFindings(page)])
      findings.push(`${what} @${page.viewportSize().width}: ${f.rule} ${f.help} (${f.target})`);
  };

  const context = await browser.newContext({ viewport: desktop, bypassCSP: true });
  const admin = await context.newPage();
  await login(admin, base, 'admin');

  // From the campaigns to the questionnaires; the SIPAS template is listed, with a copy link.
  await admin.goto(`${base}/surveys/campaigns`);
  await admin.locator('#questionnaires-link').click();
  await admin.waitForURL(`${base}/surveys/questionnaires`);
  assert.match(await admin.locator('main').innerText(), /SIPAS/);
  assert.match(await admin.locator('main').innerText(), /Đang dùng, đã khóa/);  // the demo campaign uses it
  await audit(admin, 'list');
  await admin.getByRole('link', { name: 'Tạo bản sao của phiên bản 1' }).first().click();
  await admin.waitForURL(/\/surveys\/questionnaires\/new\?from=\d+$/);
  assert.match(await admin.locator('#name').inputValue(), /SIPAS/);
  assert.equal(await admin.locator('#code').inputValue(), '');
  const questions = admin.locator('fieldset.questionnaire-question');
  const before = await questions.count();
  assert.ok(before >= 15, `the SIPAS copy has ${before} questions`);
  const firstSection = admin.locator('fieldset.questionnaire-section').first();
  const inFirst = await firstSection.locator('fieldset.questionnaire-question').count();
  await audit(admin, 'editor');

  // Type, then add a question to the first section: what was typed stays, nothing is saved.
  await admin.locator('#code').fill('sipas-xa');
  await admin.locator('#name').fill('Khảo sát SIPAS của xã (có câu hỏi thêm)');
  await submitWith(admin, () => admin.getByRole('button', { name: 'Thêm câu hỏi vào phần 1', exact: true }).click());
  assert.equal(await questions.count(), before + 1);
  assert.equal(await admin.locator('#code').inputValue(), 'sipas-xa');
  assert.equal(await admin.locator('#name').inputValue(), 'Khảo sát SIPAS của xã (có câu hỏi thêm)');
  assert.match(await admin.locator('#notice').innerText(), /chưa được lưu/);
  const added = `sections[0]-questions[${inFirst}]`;
  assert.equal(await field(admin, `${added}-text`).inputValue(), '');

  // The new question: a single choice with one option only, saved: refused, the message beside it.
  await field(admin, `${added}-text`).fill('Ông/bà đến Bộ phận Một cửa lần thứ mấy cho hồ sơ này?');
  await field(admin, `${added}-kind`).selectOption('single');
  await field(admin, `${added}-options`).fill('Lần đầu');
  const refusedSave = await submitWith(admin, () => admin.getByRole('button', { name: 'Lưu phiên bản mới' }).click());
  assert.equal(refusedSave.status(), 400);
  assert.match(await admin.title(), /^Lỗi: /);
  assert.equal(await admin.locator('.error-summary li').count(), 1);
  const message = await admin.locator(`[id="${added}-options-error"]`).innerText();
  assert.match(message, new RegExp(`Phần 1, câu ${inFirst + 1}: .*2 đến 20 phương án`));
  assert.equal(await field(admin, `${added}-options`).getAttribute('aria-invalid'), 'true');
  assert.equal(await admin.locator('.error-summary a').getAttribute('href'), `#${added}-options`);
  // Nothing typed is lost.
  assert.equal(await field(admin, `${added}-text`).inputValue(), 'Ông/bà đến Bộ phận Một cửa lần thứ mấy cho hồ sơ này?');
  assert.equal(await field(admin, `${added}-kind`).inputValue(), 'single');
  assert.equal(await admin.locator('#code').inputValue(), 'sipas-xa');
  await audit(admin, 'editor errors');
  await admin.screenshot({ path: join(shots, 'questionnaire-editor-error.png'), fullPage: false });

  // Fixed and saved: version 1 of the new code, with its confirmation.
  await field(admin, `${added}-options`).fill('Lần đầu\nLần thứ hai\nBa lần trở lên');
  await admin.getByRole('button', { name: 'Lưu phiên bản mới' }).click();
  await admin.waitForURL(/\/surveys\/questionnaires\/\d+\?done=saved$/);
  assert.match(await admin.locator('#notice').innerText(), /Đã lưu phiên bản 1\./);
  const v1Url = admin.url().replace(/\?.*$/, '');
  assert.match(await admin.locator('main').innerText(), /Lần thứ hai/);
  assert.match(await admin.locator('main').innerText(), /Chưa dùng/);
  await audit(admin, 'view');

  // A new version from it: a question moved up with "Lên", the name changed, saved with Enter.
  await admin.locator('#edit-link').click();
  await admin.waitForURL(/\/edit$/);
  const movedText = await field(admin, `${added}-text`).inputValue();
  await submitWith(admin, () => admin.getByRole('button', { name: `Lên câu ${inFirst + 1} của phần 1`, exact: true }).click());
  assert.equal(await field(admin, `sections[0]-questions[${inFirst - 1}]-text`).inputValue(), movedText);
  await admin.locator('#name').fill('Khảo sát SIPAS của xã, 2026');
  await admin.locator('#name').press('Enter');
  await admin.waitForURL(/\/surveys\/questionnaires\/\d+\?done=saved$/);
  assert.match(await admin.locator('#notice').innerText(), /Đã lưu phiên bản 2\./);
  assert.equal((await admin.locator('#questionnaire-version').innerText()).trim(), '2');
  const v2Url = admin.url().replace(/\?.*$/, '');
  assert.notEqual(v2Url, v1Url);

  // The preview: the questions as the citizen will see them, no form to send.
  await admin.locator('#preview-link').click();
  await admin.waitForURL(/\/preview$/);
  assert.ok(await admin.getByText(movedText).count() >= 1);
  assert.equal(await admin.locator('main form').count(), 0);
  await audit(admin, 'preview');

  // The list: both versions of the code.
  await admin.goto(`${base}/surveys/questionnaires`);
  const group = admin.locator('table', { hasText: 'Khảo sát SIPAS của xã, 2026' });
  assert.equal(await group.locator('tbody tr').count(), 2);
  assert.match(await group.locator('tbody tr').first().innerText(), /Phiên bản 2/);
  await admin.screenshot({ path: join(shots, 'questionnaire-list.png'), fullPage: true });

  // A campaign on version 2.
  await admin.goto(`${base}/surveys/campaigns/new`);
  await admin.locator('#questionnaire_id').selectOption({ label: 'Khảo sát SIPAS của xã, 2026 (sipas-xa, phiên bản 2)' });
  await admin.getByLabel('Tên đợt khảo sát').fill('Khảo sát SIPAS của xã, đợt thử');
  await fillDate(admin, 'from', vnDate(0));
  await fillDate(admin, 'to', vnDate(30));
  await admin.getByLabel('Mã các đơn vị được khảo sát').fill('25270');
  await admin.getByLabel('Số phiếu cần có ở mỗi đơn vị').fill('30');
  await admin.getByRole('button', { name: 'Tạo đợt khảo sát' }).click();
  await admin.waitForURL(/\/surveys\/campaigns\/\d+\?done=created/);
  assert.match(await admin.locator('main').innerText(), /Khảo sát SIPAS của xã, 2026/);
  // The version is now in use (frozen); the first is not.
  await admin.goto(v2Url);
  assert.match(await admin.locator('main').innerText(), /Đang dùng, đã khóa/);
  await admin.goto(v1Url);
  assert.match(await admin.locator('main').innerText(), /Chưa dùng/);

  // The editor at phone width.
  await admin.setViewportSize(phone);
  await admin.goto(`${v2Url}/edit`);
  await audit(admin, 'editor');
  await admin.screenshot({ path: join(shots, 'questionnaire-editor-phone.png'), fullPage: false });
  await context.close();

  // A leader reads, without editor links; the editor answers 403.
  const leaderContext = await browser.newContext({ viewport: desktop, bypassCSP: true });
  const leader = await leaderContext.newPage();
  await login(leader, base, 'leader');
  await leader.goto(`${base}/surveys/questionnaires`);
  assert.match(await leader.locator('main').innerText(), /SIPAS/);
  assert.equal(await leader.locator('a[href*="/edit"], a[href^="/surveys/questionnaires/new"]').count(), 0);
  await leader.goto(v2Url);
  assert.equal(await leader.locator('#edit-link, #copy-link').count(), 0);
  await audit(leader, 'view (leader)');
  const refused = await leader.goto(`${base}/surveys/questionnaires/new`);
  assert.equal(refused.status(), 403);
  await leaderContext.close();

  assert.deepEqual(findings, []);
});
