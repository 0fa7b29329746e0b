/**
 * Runs inside the page (the end-to-end tests send it with `page.evaluate`), hence its own
 * tsconfig with the DOM's types. It imports nothing: it is sent as one script.
 */

/** The shape of LayoutProblem in ../support/layout.ts, which cannot import this DOM-typed file. */
type LayoutProblem = { kind: 'clipped' | 'cut-off text' | 'wrapped' | 'word broken' | 'page scrolls sideways'; element: string; text: string };

/**
 * Measures the laid-out page. Controls, badges, rows and headings must be whole: their content
 * no wider than their box, and no ancestor that hides overflow (nor the window) cutting them.
 * Buttons, badges, tabs, the header and anything marked `data-one-line` stay on one line;
 * elsewhere text may wrap between words but never inside one.
 */
export function findLayoutProblems(): LayoutProblem[] {
  const problems: LayoutProblem[] = [];
  const WHOLE = 'button, [role="tab"], [role="row"], tr, [role="listitem"], [role="option"], .mantine-Badge-root, .mantine-Badge-label, .mantine-Button-label, input:not([type="hidden"]), h1, h2, h3, label, [data-one-line]';
  const ONE_LINE = '.mantine-Button-root, [role="tab"], .mantine-Badge-root, [data-one-line], header';
  const TOLERANCE = 1;

  const describe = (element: Element): string => {
    const name = element.getAttribute('aria-label') ?? '';
    const classes = [...element.classList].filter((name) => name.startsWith('mantine-')).slice(0, 2).join('.');
    return `${element.tagName.toLowerCase()}${classes === '' ? '' : `.${classes}`}${name === '' ? '' : `[aria-label="${name}"]`}`;
  };
  const textOf = (element: Element): string => {
    const value = element instanceof HTMLInputElement ? element.value : element.textContent;
    return value.replaceAll(/\s+/g, ' ').trim().slice(0, 80);
  };
  /** Hidden for everyone, or a deliberately one-pixel screen-reader label. */
  const unseen = (element: Element): boolean => {
    const rect = element.getBoundingClientRect();
    if (rect.width <= 1 || rect.height <= 1) return true;
    for (let node: Element | null = element; node !== null; node = node.parentElement) {
      const style = getComputedStyle(node);
      if (style.display === 'none' || style.visibility === 'hidden' || style.opacity === '0') return true;
      const box = node.getBoundingClientRect();
      if (box.width <= 1 || box.height <= 1) return true;
    }
    return false;
  };
  const hidesOverflow = (value: string): boolean => value !== 'visible';
  const scrollsItself = (value: string): boolean => value === 'auto' || value === 'scroll';

  const whole = [...document.querySelectorAll(WHOLE)].filter((element) => !unseen(element));
  for (const element of whole) {
    const style = getComputedStyle(element);
    const text = textOf(element);
    const isInput = element instanceof HTMLInputElement;
    // Content wider than the box: an ellipsis or a cut, whichever the styles chose.
    if ((hidesOverflow(style.overflowX) || isInput) && element.scrollWidth > element.clientWidth + TOLERANCE && text !== '') {
      problems.push({ kind: 'cut-off text', element: describe(element), text });
      continue;
    }
    const rect = element.getBoundingClientRect();
    if (rect.right > window.innerWidth + TOLERANCE || rect.left < -TOLERANCE) {
      problems.push({ kind: 'clipped', element: describe(element), text });
      continue;
    }
    for (let ancestor = element.parentElement; ancestor !== null && ancestor !== document.body; ancestor = ancestor.parentElement) {
      const ancestorStyle = getComputedStyle(ancestor);
      const clipsX = hidesOverflow(ancestorStyle.overflowX);
      // A list that scrolls up and down hides rows below the fold on purpose; only a hidden overflow cuts.
      const clipsY = hidesOverflow(ancestorStyle.overflowY) && !scrollsItself(ancestorStyle.overflowY);
      if (!clipsX && !clipsY) continue;
      const box = ancestor.getBoundingClientRect();
      const left = box.left + ancestor.clientLeft;
      const top = box.top + ancestor.clientTop;
      const cutX = clipsX && (rect.left < left - TOLERANCE || rect.right > left + ancestor.clientWidth + TOLERANCE);
      const cutY = clipsY && (rect.top < top - TOLERANCE || rect.bottom > top + ancestor.clientHeight + TOLERANCE);
      if (cutX || cutY) {
        problems.push({ kind: 'clipped', element: `${describe(element)} inside ${describe(ancestor)}`, text });
        break;
      }
    }
  }

  // Text on one line where it must be, and no word split anywhere.
  /** Lines a piece of text takes: its text's boxes grouped by the line they overlap. */
  const lineCount = (ranges: Range[]): number => {
    const lines: { top: number; bottom: number }[] = [];
    for (const range of ranges) {
      for (const box of range.getClientRects()) {
        if (box.width < 1 || box.height < 1) continue;
        const middle = (box.top + box.bottom) / 2;
        if (!lines.some((line) => middle > line.top && middle < line.bottom)) lines.push({ top: box.top, bottom: box.bottom });
      }
    }
    return lines.length;
  };
  const textRanges = (element: Element): Range[] => {
    const ranges: Range[] = [];
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
      if ((node.textContent ?? '').trim() === '') continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      ranges.push(range);
    }
    return ranges;
  };
  const oneLine = [...document.querySelectorAll(ONE_LINE)].filter((element) => !unseen(element));
  for (const element of oneLine) {
    const blocks = element.tagName === 'HEADER' ? [...element.querySelectorAll('p, h1, h2, h3, h4, span, label, button')].filter((child) => child.children.length === 0 && !unseen(child)) : [element];
    for (const block of blocks) {
      if (lineCount(textRanges(block)) > 1) problems.push({ kind: 'wrapped', element: describe(block), text: textOf(block) });
    }
  }
  const roots = document.querySelectorAll('header, main, nav, [role="dialog"], [role="listbox"], [role="menu"], body > div[data-display-board], #root');
  const seen = new Set<Node>();
  for (const root of roots) {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
      if (seen.has(node)) continue;
      seen.add(node);
      const parent = node.parentElement;
      // Marked by the screen: text such as whole ids, which may break anywhere.
      if (parent === null || unseen(parent) || parent.closest('[data-breakable]') !== null) continue;
      const value = node.textContent ?? '';
      for (const match of value.matchAll(/\S{2,}/g)) {
        const range = document.createRange();
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        if (lineCount([range]) > 1) problems.push({ kind: 'word broken', element: describe(parent), text: match[0] });
      }
    }
  }
  if (document.documentElement.scrollWidth > document.documentElement.clientWidth + TOLERANCE) {
    problems.push({ kind: 'page scrolls sideways', element: 'html', text: `${String(document.documentElement.scrollWidth)} px wide in a ${String(document.documentElement.clientWidth)} px window` });
  }
  return problems;
}
