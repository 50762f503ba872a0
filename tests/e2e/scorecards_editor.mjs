// End-to-end: the criteria set editor (issue 14) at 360 px.
// 1. The province's administrator imports a set from a JSON file on the import
//    page (no file first: refused beside the file input).
// 2. Edits a line (a maximum that is not a number is refused beside its field,
//    then saved), adds a sub-line under another (which becomes a criterion
//    whose maximum is the sum), changes the recognition rule (a minimum above
//    the total refused first), and removes a line (asked to confirm first).
// 3. Downloads the spreadsheet and imports it back unchanged; a file that is
//    not a workbook is refused; the same sheet with a maximum typed as a word
//    is refused with the sheet's row and column named.
// 4. A shipped set is not editable: its page offers a new version instead (a
//    bad code refused beside the field), which is editable.
// 5. The ward's leader reads the set without any editing link and cannot
//    open the line form.
// axe-core, no sideways scrolling, dd/mm/yyyy dates on every page visited.
// Screenshots: screenshots/scorecards-editor-*.png.
// Usage: node scorecards_editor.mjs /path/to/friendlygov /path/to/assets
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { rmSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { run, viewports, login } from './harness.mjs';
import { axeFindings, overflowFindings, dateFindings } from './audit.mjs';

// Copies the workbook `src` to `dst` with its sheet's XML changed by `change`, a Python
// expression of `text` (the XML; `re` imported) run over the archive by Python's zipfile.
// The change must change something.
function rewriteSheet(src, dst, change) {
  execFileSync('python3', ['-c', `
import re, sys, zipfile
src, dst = sys.argv[1], sys.argv[2]
with zipfile.ZipFile(src) as z, zipfile.ZipFile(dst, 'w', zipfile.ZIP_DEFLATED) as out:
    for item in z.infolist():
        data = z.read(item.filename)
        if item.filename == 'xl/worksheets/sheet1.xml':
            text = data.decode()
            changed = ${change}
            assert changed != text, 'the sheet did not change'
            data = changed.encode()
        out.writestr(item, data)
`, src, dst]);
}

const [phone] = viewports;

await run('scorecards_editor', async ({ base, browser, shots }) => {
  const findings = [];
  const audit = async (page, what) => {
    for (const f of [...await axeFindings(page), ...await dateFindings(page), ...await overflowFindings(page)])
      findings.push(`${what} @${page.viewportSize().width}: ${f.rule} ${f.help} (${f.target})`);
  };
  const as = async (who) => {
    const context = await browser.newContext({ viewport: phone, bypassCSP: true, acceptDownloads: true });
    const page = await context.newPage();
    await login(page, base, who);
    return { context, page };
  };
  const submit = (page, name) => Promise.all([page.waitForNavigation(), page.getByRole('button', { name, exact: true }).click()]);
  const tmp = (name) => join(tmpdir(), `fg-editor-${process.pid}-${name}`);
  const rows = async (page) => (await page.locator('table.stack tbody th[scope=row]').allInnerTexts()).map((t) => t.split('\n')[0].trim());

  // ---- 1. import from a JSON file ----
  const { context: adminContext, page: admin } = await as('admin');
  await admin.goto(`${base}/cham-diem`);
  await Promise.all([admin.waitForNavigation(), admin.locator('#import-link').click()]);
  assert.equal(await admin.locator('h1').innerText(), 'Nhập bộ tiêu chí từ tệp');
  await submit(admin, 'Nhập bộ tiêu chí');
  assert.equal(await admin.locator('#file').getAttribute('aria-invalid'), 'true');
  assert.match(await admin.locator('#file-error').innerText(), /Hãy chọn tệp/);
  await audit(admin, 'import errors');
  const json = tmp('set.json');
  writeFileSync(json, JSON.stringify({
    code: 'sua-e2e', name: 'Bộ tiêu chí sửa thử', min_volume: 30,
    recognition: { min_total: 5, min_share_percent: 0, disqualifiers: [{ key: 'ky_luat', title: 'Bị kỷ luật' }] },
    criteria: [
      { key: '1', title: 'Niêm yết thủ tục hành chính', max: 4, method: 'manual', step: 0.5 },
      { key: '2', title: 'Đối thoại với nhân dân', max: 3, method: 'manual', step: 0.25 },
      { key: '3', title: 'Tỷ lệ hồ sơ đúng hạn', max: 3, method: 'indicator', indicator: 'on_time_rate',
        rule: { kind: 'bands', bands: [{ from_percent: 80, points: 1 }, { from_percent: 90, points: 3 }] } },
    ],
  }));
  await admin.setInputFiles('#file', json);
  await submit(admin, 'Nhập bộ tiêu chí');
  rmSync(json);
  assert.match(admin.url(), /\/cham-diem\/bo-tieu-chi\/\d+\?done=imported$/);
  const setUrl = admin.url().replace(/\?.*$/, '');
  assert.match(await admin.locator('.banner-success').innerText(), /Đã nhập bộ tiêu chí/);
  assert.equal(await admin.locator('#editable').count(), 1);
  assert.deepEqual(await rows(admin), ['1. Niêm yết thủ tục hành chính', '2. Đối thoại với nhân dân', '3. Tỷ lệ hồ sơ đúng hạn']);
  await audit(admin, 'editable set');
  await admin.screenshot({ path: join(shots, 'scorecards-editor-set-phone.png'), fullPage: true });

  // ---- 2. one line at a time ----
  await Promise.all([admin.waitForNavigation(), admin.getByRole('link', { name: 'Sửa tiêu chí 1' }).click()]);
  assert.equal(await admin.locator('h1').innerText(), 'Sửa tiêu chí 1');
  assert.equal(await admin.locator('#step').inputValue(), '0,5');
  await admin.fill('#max', 'bốn');
  await admin.fill('#title', 'Niêm yết đầy đủ thủ tục hành chính');
  await submit(admin, 'Lưu');
  assert.equal(await admin.locator('#max').getAttribute('aria-invalid'), 'true');
  assert.match(await admin.locator('#max-error').innerText(), /số điểm/);
  assert.equal(await admin.locator('#title').inputValue(), 'Niêm yết đầy đủ thủ tục hành chính');  // kept as typed
  await audit(admin, 'line errors');
  await admin.screenshot({ path: join(shots, 'scorecards-editor-line-errors-phone.png'), fullPage: true });
  await admin.fill('#max', '5');
  await submit(admin, 'Lưu');
  assert.match(await admin.locator('.banner-success').innerText(), /Đã lưu tiêu chí/);
  assert.equal(await admin.locator('tr', { hasText: 'Niêm yết đầy đủ' }).locator('td').first().innerText(), '5');

  // A sub-line under 2: criterion 2 becomes the sum of its children.
  await Promise.all([admin.waitForNavigation(),
    admin.getByRole('link', { name: 'Thêm tiêu chí thành phần vào 2' }).click()]);
  await admin.fill('#key', '2.1');
  await admin.fill('#title', 'Tổ chức đối thoại ít nhất hai lần một năm');
  await admin.fill('#max', '2');
  await admin.fill('#step', '1');
  await admin.check('#evidence');
  await admin.fill('#evidence_what', 'Biên bản đối thoại');
  await audit(admin, 'line add');
  await submit(admin, 'Thêm tiêu chí');
  assert.match(await admin.locator('.banner-success').innerText(), /Đã thêm tiêu chí/);
  assert.deepEqual(await rows(admin), ['1. Niêm yết đầy đủ thủ tục hành chính', '2. Đối thoại với nhân dân',
    '2.1. Tổ chức đối thoại ít nhất hai lần một năm', '3. Tỷ lệ hồ sơ đúng hạn']);
  assert.equal(await admin.locator('tr', { hasText: 'Đối thoại với nhân dân' }).locator('td').first().innerText(), '2');

  // The recognition rule: a minimum above the total refused beside its field.
  await Promise.all([admin.waitForNavigation(), admin.getByRole('link', { name: /Sửa tên, mô tả/ }).click()]);
  await admin.fill('#min_total', '200');
  await admin.fill('#disqualifiers', 'Bị kỷ luật\nĐể xảy ra khiếu nại đông người');
  await submit(admin, 'Lưu');
  assert.equal(await admin.locator('#min_total').getAttribute('aria-invalid'), 'true');
  assert.equal(await admin.locator('#disqualifiers').inputValue(), 'Bị kỷ luật\nĐể xảy ra khiếu nại đông người');
  await audit(admin, 'info errors');
  await admin.fill('#min_total', '6,5');
  await submit(admin, 'Lưu');
  assert.match(await admin.locator('.banner-success').innerText(), /Đã lưu thông tin chung/);
  assert.match(await admin.locator('#rule').innerText(), /6,5/);
  assert.equal(await admin.locator('ul', { hasText: 'khiếu nại đông người' }).count(), 1);

  // ---- 3. the spreadsheet, out and back ----
  const [download] = await Promise.all([admin.waitForEvent('download'),
    admin.getByRole('link', { name: /Tải bảng tính các tiêu chí/ }).click()]);
  const sheet = tmp('set.xlsx');
  await download.saveAs(sheet);
  const sheetStrings = execFileSync('unzip', ['-p', sheet, 'xl/sharedStrings.xml']).toString();
  for (const word of ['Thuộc tiêu chí', 'chấm tay', 'theo mức', '80: 1; 90: 3', 'Biên bản đối thoại'])
    assert.ok(sheetStrings.includes(word), `the sheet has ${word}`);
  await admin.setInputFiles('#file', sheet);
  await submit(admin, 'Nhập bảng tính');
  assert.match(await admin.locator('.banner-success').innerText(), /Đã nhập bảng tính/);
  assert.deepEqual(await rows(admin), ['1. Niêm yết đầy đủ thủ tục hành chính', '2. Đối thoại với nhân dân',
    '2.1. Tổ chức đối thoại ít nhất hai lần một năm', '3. Tỷ lệ hồ sơ đúng hạn']);
  // Not a workbook: refused beside the file input.
  const notSheet = tmp('not.xlsx');
  writeFileSync(notSheet, 'PK\x03\x04 không phải bảng tính');
  await admin.setInputFiles('#file', notSheet);
  await submit(admin, 'Nhập bảng tính');
  rmSync(notSheet);
  assert.match(await admin.locator('#file-error').innerText(), /Không đọc được tệp/);
  // A maximum typed as a word in the sheet (row 5: the header is row 4): the row and column named.
  const edited = tmp('edited.xlsx');
  rewriteSheet(sheet, edited, `re.sub(r'<c r="D5"([^>]*)><v>[^<]*</v></c>', '<c r="D5" t="inlineStr"><is><t>năm</t></is></c>', text)`);
  await admin.setInputFiles('#file', edited);
  await submit(admin, 'Nhập bảng tính');
  rmSync(edited);
  assert.match(await admin.locator('.error-summary').innerText(), /Dòng 5 \(mã 1\), cột “Điểm tối đa”/);
  await audit(admin, 'sheet errors');
  await admin.screenshot({ path: join(shots, 'scorecards-editor-sheet-errors-phone.png'), fullPage: true });
  // Text left far below the lines (row 5,001): refused by its own message, not as unreadable.
  const far = tmp('far.xlsx');
  rewriteSheet(sheet, far, `text.replace('</sheetData>', '<row r="5001"><c r="A5001" t="inlineStr"><is><t>ghi chú</t></is></c></row></sheetData>')`);
  await admin.setInputFiles('#file', far);
  await submit(admin, 'Nhập bảng tính');
  rmSync(far);
  assert.match(await admin.locator('#file-error').innerText(), /sau dòng 5\.000/);
  rmSync(sheet);

  // Removing a line.
  await admin.goto(`${setUrl}/dong?key=2.1`);
  await Promise.all([admin.waitForNavigation(), admin.getByRole('link', { name: 'Xoá tiêu chí 2.1' }).click()]);
  assert.match(await admin.locator('main').innerText(), /Xoá tiêu chí 2\.1 “Tổ chức đối thoại/);
  await audit(admin, 'line delete confirmation');
  await submit(admin, 'Xoá tiêu chí');
  assert.match(await admin.locator('.banner-success').innerText(), /Đã xoá tiêu chí/);
  assert.equal(await admin.locator('tr', { hasText: '2.1.' }).count(), 0);

  // ---- 4. a shipped set: a new version instead ----
  await admin.goto(`${base}/cham-diem/bo-tieu-chi/2`);
  assert.equal(await admin.locator('#edit-links').count(), 0);
  assert.equal(await admin.getByRole('link', { name: /^Sửa tiêu chí/ }).count(), 0);
  await admin.fill('#code', 'Mã sai!');
  await submit(admin, 'Tạo phiên bản mới để sửa');
  assert.equal(await admin.locator('#code').getAttribute('aria-invalid'), 'true');
  await audit(admin, 'version errors');
  await admin.fill('#code', 'cqtt-tinh');
  await submit(admin, 'Tạo phiên bản mới để sửa');
  assert.match(await admin.locator('.banner-success').innerText(), /Đã tạo phiên bản mới/);
  assert.equal(await admin.locator('#editable').count(), 1);
  assert.equal(await admin.locator('#sample').count(), 0);
  await adminContext.close();

  // ---- 5. the ward's leader reads, does not edit ----
  const { context: leaderContext, page: leader } = await as('leader');
  await leader.goto(setUrl);
  assert.equal(await leader.locator('#edit-links').count(), 0);
  assert.equal(await leader.locator('#version-title').count(), 0);
  assert.equal(await leader.getByRole('link', { name: /^Sửa tiêu chí/ }).count(), 0);
  const refused = await leader.goto(`${setUrl}/dong?key=1`);
  assert.equal(refused.status(), 403);
  await leaderContext.close();
  assert.deepEqual(findings, [], `accessibility findings:\n${findings.join('\n')}`);
});
