// What the browser test checks on every page besides its story: axe-core's WCAG 2.1 AA rules at a desktop
// and a phone size, the title, where the focus is, and that the focus outline stands out.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';

const AXE_SOURCE = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

export const DESKTOP = { width: 1280, height: 800 };
export const PHONE = { width: 390, height: 844 };

/** axe-core on the page as it is now, at both sizes; throws listing every violation. */
export async function audit(page, name) {
  const size = page.viewportSize();
  const violations = [];
  try {
    for (const viewport of [DESKTOP, PHONE]) {
      await page.setViewportSize(viewport);
      for (const v of await axe(page)) {
        violations.push(`${name} at ${viewport.width}×${viewport.height}: ${v.id} (${v.impact}) ${v.help} — ${v.targets}`);
      }
    }
  } finally {
    await page.setViewportSize(size);
  }
  if (violations.length > 0) throw new Error(`axe-core found WCAG 2.1 AA violations:\n  ${violations.join('\n  ')}`);
}

async function axe(page) {
  // Evaluated rather than added as a <script>, which the page's Content-Security-Policy may refuse.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async (tags) => {
    const { violations } = await window.axe.run(document, { runOnly: { type: 'tag', values: tags } });
    return violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.map((n) => n.target.join(' ')).join(', '),
    }));
  }, WCAG_21_AA);
}

/** Waits until the page's h1 has the focus, as it should after every navigation within the app. */
export async function expectFocusOnHeading(page, text) {
  await expectFocus(page, { on: 'heading', text }, 'the page’s heading');
}

/** Waits until the focus is on an error message containing `text`. */
export async function expectFocusOnError(page, text) {
  await expectFocus(page, { on: 'error', text }, `the error "${text}"`);
}

/** Waits until the focus is on the form field labelled `text`. */
export async function expectFocusOnField(page, text) {
  await expectFocus(page, { on: 'field', text }, `the field "${text}"`);
}

async function expectFocus(page, expected, what) {
  try {
    await page.waitForFunction(
      ({ on, text }) => {
        const el = document.activeElement;
        if (!el) return false;
        if (on === 'heading') return el.tagName === 'H1' && el.textContent === text;
        if (on === 'error') return el.classList.contains('error-summary') && el.textContent.includes(text);
        return el.labels?.[0]?.textContent === text;
      },
      expected,
      { timeout: 5_000 },
    );
  } catch {
    const focused = await page.evaluate(() => {
      const el = document.activeElement;
      return el ? `<${el.tagName.toLowerCase()}> "${(el.textContent ?? '').trim().slice(0, 60)}"` : 'nothing';
    });
    throw new Error(`the focus should be on ${what}, but is on ${focused}`);
  }
}

/**
 * Tabs through `presses` elements; each one's focus outline must have 3:1 contrast with what is behind it
 * (WCAG 1.4.11). Answers what was checked, as lines for the log.
 */
export async function checkFocusContrast(page, presses) {
  const checked = [];
  const failures = [];
  await page.evaluate(() => document.activeElement instanceof HTMLElement && document.activeElement.blur());
  for (let i = 0; i < presses; i++) {
    await page.keyboard.press('Tab');
    const focus = await page.evaluate(focusOutlineContrast);
    if (!focus) continue;
    const line = `${focus.element}: outline ${focus.outline} on ${focus.behind}, ${focus.ratio.toFixed(2)}:1`;
    checked.push(line);
    if (!focus.visible || focus.ratio < 3) failures.push(focus.visible ? line : `${focus.element}: no visible outline`);
  }
  if (failures.length > 0) throw new Error(`focus outlines below 3:1:\n  ${failures.join('\n  ')}`);
  return checked;
}

/** Contrast of a text colour with the background behind it, e.g. the header's live-updates dot (4.5:1 for text). */
export async function textContrast(page, selector) {
  return page.locator(selector).evaluate((el) => {
    const parse = (c) => c.match(/[\d.]+/g).map(Number);
    const luminance = ([r, g, b]) =>
      [r, g, b]
        .map((v) => v / 255)
        .map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4))
        .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
    let behind = el;
    while (behind && parse(getComputedStyle(behind).backgroundColor)[3] === 0) behind = behind.parentElement;
    const [a, b] = [luminance(parse(getComputedStyle(el).color)), luminance(parse(getComputedStyle(behind).backgroundColor))];
    return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
  });
}

// Runs in the page: the focused element's outline colour against what is painted just outside its outline.
function focusOutlineContrast() {
  const el = document.activeElement;
  if (!(el instanceof HTMLElement) || el === document.body) return null;
  const style = getComputedStyle(el);
  const parse = (c) => {
    const [r, g, b, a = 1] = c.match(/[\d.]+/g).map(Number);
    return { r, g, b, a };
  };
  const luminance = ({ r, g, b }) =>
    [r, g, b]
      .map((v) => v / 255)
      .map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4))
      .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
  const width = parseFloat(style.outlineWidth);
  const rect = el.getBoundingClientRect();
  // A point just outside the outline, beside the element's middle: what the outline is seen against.
  const x = Math.max(0, rect.left - parseFloat(style.outlineOffset) - width - 1);
  const y = rect.top + rect.height / 2;
  const behindElement = document
    .elementsFromPoint(x, y)
    .find((e) => e !== el && !el.contains(e) && parse(getComputedStyle(e).backgroundColor).a > 0);
  const behind = behindElement ? getComputedStyle(behindElement).backgroundColor : 'rgb(255, 255, 255)';
  const [a, b] = [luminance(parse(style.outlineColor)), luminance(parse(behind))];
  return {
    element: `<${el.tagName.toLowerCase()}> "${(el.textContent || el.getAttribute('aria-label') || el.id).trim().slice(0, 40)}"`,
    visible: style.outlineStyle !== 'none' && width >= 2,
    outline: style.outlineColor,
    behind,
    ratio: (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05),
  };
}
