// End-to-end: a form sent with several bad fields reports all of them at once.
// On "new unit" (/units/new) and "new official" (/officials/new), as the demo
// administrator at 360 px: an error summary (.error-summary) at the top of the
// content links to every field in error (a[href="#<field id>"]), each message is
// also beside its field (#<field id>-error), the title starts with "Lỗi:", the
// summary has focus after the page loads, and following a summary link puts the
// focus in the field. Every problem of a form is reported, not only the first.
// Screenshots: screenshots/error-summary-<form>-phone*.png.
// Usage: node error_summary.mjs /path/to/friendlygov /path/to/assets
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { run, viewports, assertNoHorizontalOverflow, login } from './harness.mjs';

const phone = viewports.find((v) => v.width === 360);

// Each case: the form, the values typed (by field id), the fields that must be reported.
const cases = [
  { name: 'unit', path: '/units/new',
    values: { code: 'mã sai!', name: '' },
    bad: ['code', 'name'] },
  { name: 'official', path: '/officials/new',
    values: { username: 'Sai Tên', full_name: '', phone: 'abc', email: 'khong-phai-thu', password: 'ngan' },
    bad: ['username', 'full_name', 'phone', 'email', 'password'] },
];

await run('error_summary', async ({ base, browser, shots }) => {
  const context = await browser.newContext({ viewport: phone });
  const page = await context.newPage();
  await login(page, base, 'admin');
  const problems = [];
  for (const c of cases) {
    const check = (ok, message) => { if (!ok) problems.push(`${c.path}: ${message}`); };
    await page.goto(`${base}${c.path}`);
    const form = page.locator(`form:has(#${c.bad[0]})`);
    check(await form.evaluate((f) => f.noValidate),
      'the form has no novalidate: the browser stops at its first invalid field, one error at a time');
    for (const [id, value] of Object.entries(c.values)) await page.locator(`#${id}`).fill(value);
    await form.evaluate((f) => { f.noValidate = true; });  // what the server says, whatever the above
    await Promise.all([page.waitForNavigation(), form.locator('button[type=submit], button:not([type])').first().click()]);
    await page.screenshot({ path: join(shots, `error-summary-${c.name}-phone.png`), fullPage: true });
    await assertNoHorizontalOverflow(page, { ok: check }, 'the page with errors');

    const title = await page.title();
    check(title.startsWith('Lỗi:'), `the title "${title}" does not start with "Lỗi:"`);
    const summary = page.locator('.error-summary');
    if (await summary.count() !== 1) {
      check(false, `${await summary.count()} elements .error-summary (want 1); the page says: `
        + `"${(await page.locator('main').innerText()).replace(/\s+/g, ' ').slice(0, 200)}"`);
      continue;
    }
    // Above the form, so it is read first.
    check(await summary.evaluate((s) => {
      const f = document.querySelector('main form');
      return !f || Boolean(s.compareDocumentPosition(f) & Node.DOCUMENT_POSITION_FOLLOWING);
    }), 'the error summary is not above the form');
    check(await page.evaluate(() => {
      const s = document.querySelector('.error-summary');
      return s === document.activeElement || s.contains(document.activeElement);
    }), `focus is on ${await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 80))} after the page loads, not on the error summary`);

    const links = await summary.locator('a[href^="#"]').evaluateAll((as) => as.map((a) => ({
      id: decodeURIComponent(a.getAttribute('href').slice(1)), text: a.textContent.trim() })));
    for (const id of c.bad) {
      check(links.some((l) => l.id === id), `the summary has no link to #${id} (links: ${links.map((l) => `#${l.id}`).join(' ') || 'none'})`);
    }
    // Every link (including errors of fields this test did not break on purpose):
    // its field exists, its message is beside the field and says the same as the summary.
    for (const l of links) {
      const field = page.locator(`[id="${l.id}"]`);
      if (!await field.count()) { check(false, `the summary links to #${l.id}, which does not exist`); continue; }
      check(l.text.length > 0, `the summary link to #${l.id} has no text`);
      const group = l.id.replace(/-(day|month|year)$/, '');  // a date as day/month/year fields: one message for the group
      const inline = page.locator(`[id="${l.id}-error"], [id="${group}-error"]`).first();
      if (!await inline.count()) { check(false, `no message #${l.id}-error beside the field`); continue; }
      const text = (await inline.innerText()).trim();
      check(text.length > 0 && await inline.isVisible(), `the message #${l.id}-error is empty or hidden`);
      check(text.includes(l.text) || l.text.includes(text.replace(/^Lỗi:\s*/, '')),
        `the message beside #${l.id} ("${text}") differs from the summary's ("${l.text}")`);
      check(await inline.evaluate((m, id) => {
        const f = document.getElementById(id);
        const described = (f.getAttribute('aria-describedby') || '').split(/\s+/).includes(m.id);
        return described || m.parentElement.contains(f) || f.closest('fieldset')?.contains(m);
      }, l.id), `the message #${l.id}-error is neither described-by nor in the same group as its field`);
    }
    const inlineCount = await page.locator('main [id$="-error"]:visible').count();
    check(inlineCount <= links.length, `${inlineCount} messages beside fields but ${links.length} links in the summary`);

    // Following a summary link puts the focus in its field.
    for (const l of links) {
      await summary.locator(`a[href="#${l.id}"]`).first().click();
      const focused = await page.evaluate(() => document.activeElement?.id);
      check(focused === l.id, `after clicking the summary link to #${l.id} the focus is on #${focused || '(body)'}`);
    }
    if (links.length) await page.screenshot({ path: join(shots, `error-summary-${c.name}-phone-link.png`), fullPage: true });
  }
  await context.close();
  assert.equal(problems.length, 0, `${problems.length} problems:\n  ${problems.join('\n  ')}`);
});
