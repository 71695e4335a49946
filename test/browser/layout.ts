/**
 * What "a screen fits" means, checked in the page (STYLE.md habit 13): the page never scrolls
 * sideways; no table, chart, chart label, canvas or card reaches past its card (or past the
 * box that scrolls it); no text is cut short with an ellipsis or cut off by a box that hides
 * its overflow; on a wide window the header is one row; on a phone every control is a 44 px
 * touch target.
 */
import type { Page } from 'playwright-core';

export interface LayoutRules {
  /** The header must be one row (1280 px and wider). */
  oneRowHeader: boolean;
  /** Every control must be at least 44 x 44 px (a phone). */
  touchTargets: boolean;
}

/** Runs in the page: the ways the screen in front does not fit, as sentences (empty if it fits). */
function problemsInPage(rules: LayoutRules): string[] {
  const out: string[] = [];
  const vw = window.innerWidth;
  const root = document.documentElement;
  if (root.scrollWidth > vw) out.push(`the page scrolls sideways (${root.scrollWidth} px in a ${vw} px window)`);

  const name = (el: Element): string => {
    const id = el.getAttribute('data-testid') ?? el.id;
    const cls = typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/).join('.')}` : '';
    const text = (el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40);
    return `<${el.tagName.toLowerCase()}${id ? `#${id}` : ''}${cls}>${text ? ` "${text}"` : ''}`;
  };
  const shown = (el: Element): boolean => {
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && !el.closest('.sr-only, [hidden], dialog:not([open])');
  };
  /** The box `el` must stay inside: the nearest ancestor that scrolls or clips it, or its card, or main. */
  const boxOf = (el: Element): Element => {
    for (let a = el.parentElement; a; a = a.parentElement) {
      if (a === document.body || a.tagName === 'MAIN' || a.classList.contains('card')) return a;
      if (getComputedStyle(a).overflowX !== 'visible') return a;
    }
    return document.body;
  };
  const main = document.querySelector('main');
  if (!main) return [...out, 'no main element'];
  /** Whether an ancestor inside the window clips or scrolls `el` (so `el` cannot widen the page). */
  const scrolled = (el: Element): boolean => {
    for (let a = el.parentElement; a && a !== document.body; a = a.parentElement)
      if (getComputedStyle(a).overflowX !== 'visible' && a.getBoundingClientRect().right <= vw + 1) return true;
    return false;
  };
  if (root.scrollWidth > vw) {
    // What makes it scroll: the outermost elements that reach past the window.
    const culprits: string[] = [];
    for (const el of document.body.querySelectorAll('*')) {
      const r = el.getBoundingClientRect();
      if (r.right <= vw + 1 || r.width === 0 || scrolled(el)) continue;
      const parent = el.parentElement?.getBoundingClientRect();
      if (!parent || parent.right <= vw + 1) culprits.push(`${name(el)} reaches past the window (to ${Math.round(r.right)} px)`);
    }
    // Text (or a pseudo-element) sticking out of an element that is itself inside the window.
    if (culprits.length === 0)
      for (const el of document.body.querySelectorAll('*')) {
        const r = el.getBoundingClientRect();
        if (r.right > vw + 1 || r.width === 0 || scrolled(el) || el.scrollWidth <= el.clientWidth + 1 || getComputedStyle(el).overflowX !== 'visible') continue;
        if (r.left + el.scrollWidth > vw + 1) culprits.push(`the text of ${name(el)} reaches past the window (to ${Math.round(r.left + el.scrollWidth)} px)`);
      }
    out.push(...culprits);
  }
  const all = Array.from(main.querySelectorAll('*'));
  const scrollers = all.filter((el) => /auto|scroll/.test(getComputedStyle(el).overflowX));
  const checked = new Set<Element>([...main.querySelectorAll('table, svg, canvas, img, pre, .card, svg text'), ...scrollers]);
  for (const el of checked) {
    if (!shown(el)) continue;
    // An icon's svg inside an svg is the outer one's business.
    if (el.tagName.toLowerCase() === 'svg' && el.parentElement?.closest('svg')) continue;
    const box = boxOf(el);
    const style = getComputedStyle(box);
    if (/auto|scroll/.test(style.overflowX)) continue; // it scrolls inside its box (which is checked in turn)
    const r = el.getBoundingClientRect();
    const b = box.getBoundingClientRect();
    if (r.right > b.right + 1 || r.left < b.left - 1) {
      const how = style.overflowX === 'visible' ? 'spills out of' : 'is cut off by';
      out.push(`${name(el)} ${how} ${name(box)} (${Math.round(r.left)}–${Math.round(r.right)} px, the box ${Math.round(b.left)}–${Math.round(b.right)} px)`);
    }
  }
  for (const el of all) {
    // An input scrolls its own text; a file input is drawn by the browser.
    if (!shown(el) || el.tagName === 'INPUT') continue;
    if (getComputedStyle(el).textOverflow === 'ellipsis' && el.scrollWidth > el.clientWidth + 1) out.push(`${name(el)} is cut short with an ellipsis`);
  }
  // Text cut off by a box that hides its overflow (without even an ellipsis).
  for (const el of all) {
    if (!shown(el) || el.tagName === 'INPUT' || el.clientWidth <= 1 || el.closest('svg')) continue;
    const st = getComputedStyle(el);
    if (!/hidden|clip/.test(st.overflowX) || st.textOverflow === 'ellipsis' || el.scrollWidth <= el.clientWidth + 1) continue;
    if (Array.from(el.childNodes).some((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim() !== '') || el.querySelector('span, strong, b, em'))
      out.push(`${name(el)} cuts off its text (${el.scrollWidth} px in ${el.clientWidth} px)`);
  }
  for (const el of main.querySelectorAll('svg text')) {
    if (shown(el) && (el.textContent ?? '').trim().endsWith('…')) out.push(`the chart label ${name(el)} is cut short`);
  }

  const header = document.querySelector('.app-header');
  if (rules.oneRowHeader && header) {
    const tops = Array.from(header.children).filter(shown).map((c) => c.getBoundingClientRect());
    const lowest = Math.max(...tops.map((r) => r.top));
    const highest = Math.min(...tops.map((r) => r.bottom));
    if (lowest >= highest) out.push(`the header wraps onto more than one row (${Math.round(header.getBoundingClientRect().height)} px high)`);
  }
  if (rules.touchTargets) {
    const controls = document.querySelectorAll('button, select, input:not([type="checkbox"]):not([type="radio"]):not([type="range"]):not([type="file"]), summary, a[href], [role="tab"]');
    for (const el of controls) {
      // A link inside a sentence is exempt (WCAG 2.5.8's inline exception).
      if (!shown(el) || el.closest('.skip-link, svg') || (el.tagName === 'A' && getComputedStyle(el).display === 'inline')) continue;
      const r = el.getBoundingClientRect();
      if (r.height < 43.5 || r.width < 43.5) out.push(`${name(el)} is a ${Math.round(r.width)} x ${Math.round(r.height)} px target`);
    }
    // A box or a radio button is touched through its label: the two together make the target.
    for (const el of document.querySelectorAll<HTMLInputElement>('input[type="checkbox"], input[type="radio"]')) {
      if (!shown(el)) continue;
      const label = el.labels?.[0];
      const r = el.getBoundingClientRect();
      const l = label?.getBoundingClientRect();
      const height = l ? Math.max(r.bottom, l.bottom) - Math.min(r.top, l.top) : r.height;
      if (height < 43.5) out.push(`${name(label ?? el)} (a ${el.type}) is a ${Math.round(height)} px high target`);
    }
  }
  return out;
}

/** The ways the screen in front does not fit under `rules` (empty if it fits). */
export function layoutProblems(page: Page, rules: LayoutRules): Promise<string[]> {
  return page.evaluate(problemsInPage, rules);
}
