// End-to-end: a scorecard cycle (issue 14) at 360 px.
// 1. The province's administrator imports a small set through the API (two
//    manual lines and the ward's on-time rate computed from the desk's
//    counters).
// 2. The ward's leader opens the ward's assessment, self-assesses the two
//    lines (a point above the maximum and one off the step are refused beside
//    their fields first), attaches evidence to both (a file that is not a PDF
//    by its content is refused; one attached by mistake is removed), and
//    submits it.
// 3. The province's evaluator accepts one line, adjusts the other with a
//    reason, and locks the score; the ward's leader has no appraisal form.
// 4. The ranking page shows the ward ranked with its locked score (SVG chart
//    and table).
// 5. The recognised list shows the ward (the set asks 5 of 10 points), and its
//    decision annex (PDF, read back with pdftotext) and spreadsheet download.
// 6. The ward's leader commits the ward to at most 2 apologies this year (a
//    fraction is refused beside the field first), sees it listed, withdraws it.
// axe-core, no sideways scrolling, dd/mm/yyyy dates on every page visited.
// Screenshots: screenshots/scorecards-*.png.
// Usage: node scorecards.mjs /path/to/friendlygov /path/to/assets
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { run, viewports, login } from './harness.mjs';
import { axeFindings, overflowFindings, dateFindings } from './audit.mjs';

const [phone] = viewports;

await run('scorecards', async ({ base, browser, shots }) => {
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
  const submit = (page, name) => Promise.all([page.waitForNavigation(), page.getByRole('button', { name, exact: true }).click()]);

  // ---- 1. the set ----
  const { context: adminContext, page: admin } = await as('admin');
  const csrf = await admin.locator('input[name=csrf_token]').first().inputValue();
  const res = await admin.request.post(`${base}/api/v1/scorecards/sets?unit=75`, {
    headers: { 'X-CSRF-Token': csrf },
    data: {
      code: 'thu-e2e', name: 'Bộ tiêu chí thử nghiệm', min_volume: 30,
      recognition: { min_total: 5, min_share_percent: 0, disqualifiers: [] },
      criteria: [
        { key: '1', title: 'Niêm yết thủ tục hành chính', max: 4, method: 'manual', step: 0.5,
          evidence_required: true, evidence_what: 'Ảnh chụp nơi niêm yết' },
        { key: '2', title: 'Đối thoại với nhân dân', max: 3, method: 'manual', step: 0.25 },
        { key: '3', title: 'Tỷ lệ hồ sơ đúng hạn', max: 3, method: 'indicator', indicator: 'on_time_rate',
          rule: { kind: 'target', target_percent: 90 } },
      ],
    },
  });
  assert.equal(res.status(), 201, await res.text());
  const set = await res.json();
  await admin.goto(`${base}/cham-diem/bo-tieu-chi/${set.id}`);
  assert.equal(await admin.locator('h1').innerText(), 'Bộ tiêu chí thử nghiệm');
  await audit(admin, 'set');
  // Downloads: the JSON is the import format (the same set back), the spreadsheet a real .xlsx.
  const exported = await admin.request.get(`${base}/cham-diem/bo-tieu-chi/${set.id}/bo-tieu-chi.json`);
  assert.match(exported.headers()['content-disposition'], /^attachment; .*bo-tieu-chi-thu-e2e-v1\.json/);
  const back = await exported.json();
  assert.equal(back.code, 'thu-e2e');
  assert.deepEqual(back.criteria.map((c) => c.key), ['1', '2', '3']);
  const xlsx = await admin.request.get(`${base}/cham-diem/bo-tieu-chi/${set.id}/bo-tieu-chi.xlsx`);
  assert.equal((await xlsx.body()).subarray(0, 2).toString(), 'PK');
  const xlsxFile = join(tmpdir(), `fg-set-${process.pid}.xlsx`);
  writeFileSync(xlsxFile, await xlsx.body());
  const strings = execFileSync('unzip', ['-p', xlsxFile, 'xl/sharedStrings.xml']).toString();
  rmSync(xlsxFile);
  assert.match(strings, /Tỷ lệ hồ sơ đúng hạn/);
  await adminContext.close();

  // ---- 2. the ward self-assesses ----
  const { context: leaderContext, page: leader } = await as('leader');
  await leader.goto(`${base}/cham-diem`);
  await audit(leader, 'home');
  await leader.locator('#set').selectOption(String(set.id));
  assert.equal(await leader.locator('#unit').inputValue(), '25270');
  await submit(leader, 'Mở bản đánh giá');
  assert.match(await leader.locator('.banner-success').innerText(), /Đã mở bản đánh giá/);
  const assessmentUrl = leader.url().split('?')[0];
  assert.match(await leader.locator('#state').innerText(), /Xã đang tự chấm/);
  // The computed line shows its raw figure from the desk's counters.
  assert.match(await leader.locator('#line-lines-3').innerText(), /Số liệu: \d+ trên \d+/);
  await leader.locator('#lines-1-points').fill('4,5');
  await leader.locator('#lines-2-points').fill('1,1');
  await submit(leader, 'Lưu');
  assert.equal(await leader.locator('.error-summary li').count(), 2);
  for (const id of ['lines-1-points', 'lines-2-points']) {
    assert.equal(await leader.locator(`#${id}`).getAttribute('aria-invalid'), 'true', id);
    assert.equal(await leader.locator(`#${id}-error`).count(), 1, id);
  }
  assert.match(await leader.locator('#lines-1-points-error').innerText(), /không được vượt quá điểm tối đa 4/);
  assert.match(await leader.locator('#lines-2-points-error').innerText(), /bội số của 0,25/);
  assert.equal(await leader.locator('#lines-1-points').inputValue(), '4,5');
  await audit(leader, 'self errors');
  await leader.screenshot({ path: join(shots, 'scorecards-self-errors-phone.png'), fullPage: true });
  await leader.locator('#lines-1-points').fill('3,5');
  await leader.locator('#lines-1-explanation').fill('Niêm yết đủ 128 thủ tục tại Bộ phận một cửa.');
  await leader.locator('#lines-2-points').fill('2,75');
  await leader.locator('#lines-2-explanation').fill('Tổ chức 2 buổi đối thoại trong năm.');
  await submit(leader, 'Lưu');
  assert.match(await leader.locator('.banner-success').innerText(), /Đã lưu điểm tự chấm/);
  // Evidence on both lines; a file whose content is not an accepted type is refused whatever its name.
  const upload = async (line, name, file) => {
    await leader.locator('#line').selectOption(line);
    await leader.locator('#name').fill(name);
    await leader.locator('#file').setInputFiles(file);
    await submit(leader, 'Tải lên');
  };
  await upload('1', 'Ảnh giả', { name: 'anh.pdf', mimeType: 'application/pdf', buffer: Buffer.from('MZ not a pdf') });
  assert.equal(await leader.locator('#file').getAttribute('aria-invalid'), 'true');
  assert.match(await leader.locator('#file-error').innerText(), /loại tệp được xác định theo nội dung/);
  await audit(leader, 'evidence refused');
  const pdf = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
  await upload('1', 'Ảnh chụp bảng niêm yết', { name: 'niem-yet.pdf', mimeType: 'application/pdf', buffer: pdf });
  assert.match(await leader.locator('.banner-success').innerText(), /Đã tải lên tệp minh chứng/);
  await upload('2', 'Biên bản đối thoại', { name: 'doi-thoai.pdf', mimeType: 'application/pdf', buffer: pdf });
  assert.match(await leader.locator('#line-lines-1').innerText(), /Ảnh chụp bảng niêm yết/);
  assert.match(await leader.locator('#line-lines-2').innerText(), /Biên bản đối thoại/);
  // A file attached to the wrong line is removed; the others stay.
  await upload('2', 'Tệp tải nhầm', { name: 'nham.pdf', mimeType: 'application/pdf', buffer: pdf });
  assert.match(await leader.locator('#line-lines-2').innerText(), /Tệp tải nhầm/);
  await audit(leader, 'evidence attached');
  await Promise.all([leader.waitForNavigation(),
    leader.getByRole('button', { name: 'Gỡ tệp Tệp tải nhầm của tiêu chí 2' }).click()]);
  assert.match(await leader.locator('.banner-success').innerText(), /Đã gỡ tệp minh chứng/);
  assert.doesNotMatch(await leader.locator('#line-lines-2').innerText(), /Tệp tải nhầm/);
  assert.match(await leader.locator('#line-lines-2').innerText(), /Biên bản đối thoại/);
  const fileRes = await leader.request.get(`${base}${await leader.locator('#line-lines-1 a').first().getAttribute('href')}`);
  assert.equal(fileRes.headers()['content-type'], 'application/pdf');
  await submit(leader, 'Lưu và gửi thẩm định');
  assert.match(await leader.locator('.banner-success').innerText(), /Đã gửi bản đánh giá để thẩm định/);
  assert.match(await leader.locator('#state').innerText(), /chờ thẩm định/);
  assert.equal(await leader.locator('form[action$="/danh-gia/' + assessmentUrl.split('/').pop() + '"]').count(), 0,
               'no form for the ward once submitted');
  await audit(leader, 'submitted');
  await leader.screenshot({ path: join(shots, 'scorecards-submitted-phone.png'), fullPage: true });

  // ---- 3. the province appraises ----
  const { context: evalContext, page: evaluator } = await as('evaluator');
  await evaluator.goto(assessmentUrl);
  await audit(evaluator, 'appraisal form');
  await evaluator.locator('#lines-2-adjust').check();
  await evaluator.locator('#lines-2-points').fill('2,5');
  await submit(evaluator, 'Lưu và chốt điểm');  // no reason: refused beside the field
  assert.equal(await evaluator.locator('#lines-2-reason').getAttribute('aria-invalid'), 'true');
  await evaluator.locator('#lines-2-reason').fill('Chỉ có biên bản của một buổi đối thoại.');
  await submit(evaluator, 'Lưu và chốt điểm');
  assert.match(await evaluator.locator('.banner-success').innerText(), /Đã chốt điểm/);
  assert.match(await evaluator.locator('#state').innerText(), /Đã chốt điểm/);
  const total = await evaluator.locator('#total').innerText();
  assert.match(total, /^\d+(,\d+)? \/ 10$/);
  assert.doesNotMatch(total, /tạm tính/);
  assert.match(await evaluator.locator('#line-lines-2').innerText(), /Lý do điều chỉnh: Chỉ có biên bản/);
  await audit(evaluator, 'locked');
  await evaluator.screenshot({ path: join(shots, 'scorecards-locked-phone.png'), fullPage: true });

  // ---- 4. the ranking ----
  await evaluator.goto(`${base}/cham-diem/xep-hang?set=${set.id}`);
  const row = evaluator.locator('tbody tr', { hasText: 'Phường Chơn Thành' });
  assert.equal(await row.count(), 1);
  assert.match(await row.innerText(), /\b1\b/);
  assert.ok((await row.innerText()).includes(total.split(' / ')[0]), 'the locked total in the table');
  assert.equal(await evaluator.locator('svg[role=img] rect').count(), 1);
  await audit(evaluator, 'ranking');
  await evaluator.screenshot({ path: join(shots, 'scorecards-ranking-phone.png'), fullPage: true });

  // ---- 5. the recognised units and the decision annex ----
  await Promise.all([evaluator.waitForNavigation(),
    evaluator.getByRole('link', { name: 'Xem danh sách đơn vị đạt chuẩn của kỳ này' }).click()]);
  assert.match(await evaluator.locator('#summary').innerText(), /^1 trong 1 đơn vị/);
  const recognised = evaluator.locator('#recognised tbody tr');
  assert.equal(await recognised.count(), 1);
  assert.match(await recognised.innerText(), /Phường Chơn Thành/);
  assert.equal(await evaluator.locator('#not-recognised').count(), 0);
  await audit(evaluator, 'recognition');
  await evaluator.screenshot({ path: join(shots, 'scorecards-recognition-phone.png'), fullPage: true });
  const annexUrl = await evaluator.getByRole('link', { name: /phụ lục/ }).getAttribute('href');
  const annex = await evaluator.request.get(`${base}${annexUrl}`);
  assert.equal(annex.headers()['content-type'], 'application/pdf');
  const annexText = execFileSync('pdftotext', ['-enc', 'UTF-8', '-', '-'], { input: await annex.body() }).toString();
  assert.match(annexText, /DANH SÁCH ĐƠN VỊ ĐẠT CHUẨN/);
  assert.match(annexText, /Phường Chơn Thành/);
  // The place before the date is the locality's name, as on every other form
  // (Decree 30/2020): "Đồng Nai, ngày …", not "Tỉnh Đồng Nai, ngày …".
  assert.match(annexText, /(^|\n)Đồng Nai, ngày \d{2} tháng \d{1,2} năm \d{4}/);
  assert.doesNotMatch(annexText, /Tỉnh Đồng Nai, ngày/);
  const sheetUrl = await evaluator.getByRole('link', { name: /XLSX/ }).getAttribute('href');
  const sheet = await evaluator.request.get(`${base}${sheetUrl}`);
  assert.equal(sheet.status(), 200);
  assert.match(sheet.headers()['content-disposition'], /^attachment; .*\.xlsx/);
  assert.equal((await sheet.body()).subarray(0, 2).toString(), 'PK');
  await evalContext.close();

  // ---- 6. a commitment of the year, then withdrawn ----
  await leader.goto(`${base}/cham-diem/cam-ket`);
  await leader.selectOption('#indicator', 'apology_count');
  await leader.fill('#target', '2,5');  // a count: refused beside the field
  await submit(leader, 'Đăng ký cam kết');
  assert.equal(await leader.locator('#target').getAttribute('aria-invalid'), 'true');
  await leader.fill('#target', '2');
  await leader.fill('#note', 'Rà soát hồ sơ sắp đến hạn mỗi sáng thứ Hai.');
  await submit(leader, 'Đăng ký cam kết');
  assert.match(await leader.locator('.banner-success').innerText(), /Đã đăng ký cam kết/);
  const commitment = leader.locator('#commitments tbody tr', { hasText: 'Số văn bản xin lỗi' });
  assert.equal(await commitment.count(), 1);
  assert.match(await commitment.innerText(), /Không quá 2/);
  await audit(leader, 'commitments');
  await leader.screenshot({ path: join(shots, 'scorecards-commitments-phone.png'), fullPage: true });
  await Promise.all([leader.waitForNavigation(),
    commitment.getByRole('button', { name: /Rút cam kết/ }).click()]);
  assert.match(await leader.locator('.banner-success').innerText(), /Đã rút cam kết/);
  assert.equal(await leader.locator('#commitments tbody tr', { hasText: 'Số văn bản xin lỗi' }).count(), 0);
  await leaderContext.close();
  assert.deepEqual(findings, [], `accessibility findings:\n${findings.join('\n')}`);
});
