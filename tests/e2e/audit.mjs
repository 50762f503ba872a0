// Checks run on every page by a11y.mjs: axe-core (WCAG 2.0/2.1/2.2 A and AA
// rules), no horizontal overflow, dates shown as dd/mm/yyyy. Each returns a
// list of findings { rule, impact, help, target } instead of throwing, so one
// run reports everything.
import { createRequire } from 'node:module';
import { assertNoHorizontalOverflow } from './harness.mjs';

const require = createRequire(import.meta.url);
export const axePath = require.resolve('axe-core/axe.min.js');
export const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

// axe-core injected into the page (the context needs bypassCSP: the server's
// policy allows only its own scripts).
export async function axeFindings(page) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.addScriptTag({ path: axePath });
  return page.evaluate(async (tags) => {
    const r = await window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return r.violations.flatMap((v) => v.nodes.map((n) => ({
      rule: v.id, impact: v.impact, help: v.help, target: n.target.join(' '),
    })));
  }, wcagTags);
}

// The harness's check, collected instead of thrown.
export async function overflowFindings(page) {
  const out = [];
  await assertNoHorizontalOverflow(page, {
    ok: (cond, message) => { if (!cond) out.push({ rule: 'horizontal-overflow', impact: 'serious', help: message, target: 'html' }); },
  }, 'the page');
  return out;
}

// Dates a person reads must be dd/mm/yyyy. Looks at what is presented as text:
// visible text nodes (and text only screen readers get: visually-hidden text is
// still read), option labels, the page title, placeholders, aria-label and the
// labels of input buttons. Not looked at: <code>, <script>, <style>, <template>,
// and values of form fields (<input>, <textarea>: a native date input holds ISO),
// attributes that are not read (data-*, href, value of hidden inputs).
// Flags: an ISO date (2026-11-23, also inside 2026-11-23T08:00) or the pattern
// YYYY-MM-DD, and a slashed date that cannot be day/month/year (02/13/2026).
// Unpadded day/month (1/7/2025) is how legal documents are cited, so not flagged.
export async function dateFindings(page) {
  return page.evaluate(() => {
    const iso = /(?<![\d-])(?:\d{4}-\d{2}-\d{2}|YYYY-MM-DD)(?!\d)/gi;
    const slashed = /(?<![\d/])(\d{1,2})\/(\d{1,2})\/(\d{4})(?![\d/])/g;
    const sel = (el) => {
      const parts = [];
      for (let e = el; e && e !== document.body && parts.length < 3; e = e.parentElement) {
        let s = e.localName;
        if (e.id) { parts.unshift(`${s}#${e.id}`); break; }
        if (e.classList.length) s += `.${[...e.classList].join('.')}`;
        parts.unshift(s);
      }
      return parts.join(' > ');
    };
    const visible = (el) => {
      const box = el.closest('select') || el;
      return box.checkVisibility({ visibilityProperty: true });
    };
    const out = [];
    const check = (text, where, el) => {
      const around = (m) => text.slice(Math.max(0, m.index - 30), m.index + m[0].length + 30).trim().replace(/\s+/g, ' ');
      for (const m of text.matchAll(iso)) {
        const hint = /^Y/i.test(m[0]);
        out.push({ rule: 'date-format', impact: 'serious',
          help: hint ? 'dates asked for as YYYY-MM-DD (want dd/mm/yyyy)' : 'a date shown as ISO yyyy-mm-dd (want dd/mm/yyyy)',
          target: `"${m[0]}" in ${where} of ${sel(el)}: "…${around(m)}…"` });
      }
      for (const m of text.matchAll(slashed)) {
        const [d, mo] = [Number(m[1]), Number(m[2])];
        if (d < 1 || d > 31 || mo < 1 || mo > 12) {
          out.push({ rule: 'date-format', impact: 'serious', help: 'a date that is not day/month/year (want dd/mm/yyyy)',
            target: `"${m[0]}" in ${where} of ${sel(el)}: "…${around(m)}…"` });
        }
      }
    };
    const skip = 'code, script, style, template, noscript, textarea';
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || el.closest(skip) || !visible(el)) continue;
      check(n.data, 'text', el);
    }
    check(document.title, 'title', document.head);
    for (const el of document.body.querySelectorAll('[placeholder], [aria-label], input[type=submit], input[type=button], input[type=reset]')) {
      if (el.closest(skip) || !visible(el)) continue;
      for (const a of ['placeholder', 'aria-label']) if (el.hasAttribute(a)) check(el.getAttribute(a), a, el);
      if (el.matches('input[type=submit], input[type=button], input[type=reset]')) check(el.value, 'button', el);
    }
    return out;
  });
}
