// The design rules axe-core does not check (docs/design.md), on the pages an
// administrator and an anonymous citizen open:
//   - the navigation marks the current section with aria-current="page", and only it;
//   - the keyboard focus indicator contrasts at least 3:1 with what is around it;
//   - on a touch screen (360 px), buttons and links outside running text are at least 44 x 44 px.
import assert from 'node:assert/strict';
import { run, login } from './harness.mjs';

// WCAG relative luminance and contrast of "rgb(r, g, b)" colours.
function luminance(rgb) {
  const [r, g, b] = rgb.match(/\d+(\.\d+)?/g).slice(0, 3).map(Number).map((v) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
const contrast = (a, b) => {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
};

const pages = ['/dashboard', '/units', '/units/25270', '/units/25270/edit', '/officials', '/officials/3',
  '/calendar', '/calendar/due', '/calendar/decisions', '/tokens', '/events', '/account/password'];
const sections = { '/dashboard': '/dashboard', '/units': '/units', '/officials': '/officials',
  '/calendar': '/calendar', '/tokens': '/tokens', '/events': '/events' };

await run('design', async ({ base, browser }) => {
  const problems = [];
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });
  const page = await context.newPage();
  await login(page, base, 'admin');
  for (const path of pages) {
    await page.goto(`${base}${path}`);
    // aria-current: exactly the section this page belongs to (none for pages outside the menu).
    const current = await page.locator('nav[aria-label="Điều hướng chính"] a[aria-current="page"]').evaluateAll(
      (as) => as.map((a) => new URL(a.href).pathname));
    const section = Object.keys(sections).find((s) => path === s || path.startsWith(`${s}/`));
    const want = section ? [sections[section]] : [];
    if (JSON.stringify(current) !== JSON.stringify(want))
      problems.push(`${path}: aria-current on ${JSON.stringify(current)}, want ${JSON.stringify(want)}`);

    // Touch targets: every visible button, and every link that is not inside a sentence.
    const small = await page.evaluate(() => {
      const out = [];
      const targets = document.querySelectorAll(
        'button, .button, nav a, td a, li > a:only-child, .actions a, p.back a, dl.summary a');
      for (const el of targets) {
        const r = el.getBoundingClientRect();
        if (r.width === 0 || el.closest('.visually-hidden')) continue;
        if (r.height < 44 || r.width < 44) out.push(`${el.tagName.toLowerCase()} "${el.textContent.trim().slice(0, 30)}" ${Math.round(r.width)}x${Math.round(r.height)}`);
      }
      return out;
    });
    for (const s of small) problems.push(`${path}: touch target under 44 x 44 px: ${s}`);
  }

  // Focus: tab through the first elements of a page with a form and a table; the
  // ring's outer colour against the page behind it, and its inner colour against the element.
  for (const path of ['/units/25270/edit', '/officials']) {
    await page.goto(`${base}${path}`);
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press('Tab');
      const f = await page.evaluate(() => {
        const el = document.activeElement;
        if (!el || el === document.body) return null;
        const s = getComputedStyle(el);
        // The colour behind the element: the first ancestor with an opaque background.
        let bg = 'rgb(255, 255, 255)';
        for (let p = el.parentElement; p; p = p.parentElement) {
          const c = getComputedStyle(p).backgroundColor;
          if (!/rgba\(.*, 0\)$/.test(c) && c !== 'transparent') { bg = c; break; }
        }
        return { what: `${el.tagName.toLowerCase()}#${el.id || ''} ${el.textContent.trim().slice(0, 20)}`,
                 outline: s.outlineStyle === 'none' ? null : s.outlineColor, width: parseFloat(s.outlineWidth),
                 shadow: s.boxShadow, bg };
      });
      if (!f) continue;
      if (!f.outline || f.width < 2) { problems.push(`${path}: ${f.what} has no visible focus outline`); continue; }
      const ring = [f.outline, ...(f.shadow.match(/rgba?\([^)]*\)/g) || [])];
      const best = Math.max(...ring.map((c) => contrast(c, f.bg)));
      if (best < 3) problems.push(`${path}: focus ring of ${f.what} contrasts ${best.toFixed(2)}:1 with ${f.bg}`);
    }
  }
  await context.close();

  // An anonymous citizen's pages too.
  const anon = await (await browser.newContext({ viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true })).newPage();
  for (const path of ['/calendar', '/calendar/due', '/dang-nhap']) {
    await anon.goto(`${base}${path}`);
    const small = await anon.evaluate(() => [...document.querySelectorAll('button, .button, nav a, .actions a, p.back a')]
      .filter((el) => { const r = el.getBoundingClientRect(); return r.width > 0 && (r.height < 44 || r.width < 44); })
      .map((el) => el.textContent.trim().slice(0, 30)));
    for (const s of small) problems.push(`${path} (anonymous): touch target under 44 x 44 px: "${s}"`);
  }
  assert.deepEqual(problems, [], `\n${problems.join('\n')}`);
});
