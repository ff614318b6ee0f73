// Layout checks of e2e/overflow.test.mjs: whether text marked as the user's ("zq" in it) fits its boxes.
// Kept apart so the test file holds only the data and the views it visits.

/**
 * Problems in the page (and the widget's shadow root) at the current width; [] when the layout holds. For each
 * element showing user text, the text's own box (a Range over it) must stay inside every ancestor up to the
 * first one that clips it (overflow hidden: an ellipsis); a scrolling ancestor it sticks out of scrolls
 * sideways, which counts as a problem too (code blocks aside).
 */
export function overflowProblems(page) {
  return page.evaluate(() => {
    const problems = [];
    const se = document.scrollingElement;
    if (se.scrollWidth > se.clientWidth)
      problems.push(`the page scrolls sideways (${se.scrollWidth} > ${se.clientWidth})`);
    const user = /zq/i;
    const elements = [];
    const collect = (root) =>
      root.querySelectorAll('*').forEach((el) => {
        elements.push(el);
        if (el.shadowRoot) collect(el.shadowRoot);
      });
    collect(document);
    const name = (el) =>
      `<${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? ` class="${el.className}"` : ''}${el.dataset.testid ? ` data-testid="${el.dataset.testid}"` : ''}${el.dataset.parley ? ` data-parley="${el.dataset.parley}"` : ''}>`;
    const parent = (el) => el.parentElement ?? el.parentNode?.host ?? null;
    const seen = new Set();
    for (const el of elements) {
      // Code blocks scroll on purpose; visually hidden text is for screen readers only.
      if (el.closest('option, script, style, pre, .visually-hidden')) continue;
      let box;
      if (el.tagName === 'SELECT') {
        if (!user.test(el.selectedOptions[0]?.textContent ?? '')) continue;
        box = el.getBoundingClientRect();
      } else {
        const texts = [...el.childNodes].filter((n) => n.nodeType === 3 && user.test(n.textContent));
        if (!texts.length) continue;
        const range = document.createRange();
        range.setStartBefore(texts[0]);
        range.setEndAfter(texts[texts.length - 1]);
        box = range.getBoundingClientRect();
      }
      if (el.getClientRects().length === 0 || box.width === 0) continue;
      const what = `"${el.textContent.trim().slice(0, 24)}…"`;
      let clipped = false;
      for (let a = el; a && a !== document.documentElement; a = parent(a)) {
        const style = getComputedStyle(a);
        if (style.display === 'inline' || style.display === 'contents') continue;
        const r = a.getBoundingClientRect();
        const out = box.right > r.right + 1 || box.left < r.left - 1;
        if (out && !seen.has(a)) {
          seen.add(a);
          if (style.overflowX === 'visible')
            problems.push(
              `${what} sticks out of ${name(a)} (text ${Math.round(box.left)}..${Math.round(box.right)}, box ${Math.round(r.left)}..${Math.round(r.right)})`,
            );
          else if (style.overflowX !== 'hidden' && style.overflowX !== 'clip')
            problems.push(`${what} makes ${name(a)} scroll sideways`);
        }
        if (style.overflowX !== 'visible') {
          // Text cut by an ellipsis must be readable in full somewhere: a title on the cut box or around it.
          const full = (el.tagName === 'SELECT' ? el.selectedOptions[0]?.textContent : el.textContent)?.trim() ?? '';
          if (out && !a.closest('[title]')?.title.includes(full.slice(0, 40)))
            problems.push(`${what} is cut in ${name(a)} without a title to read it`);
          clipped = true;
          break;
        }
      }
      if (!clipped && (box.right > innerWidth + 1 || box.left < -1))
        problems.push(`${what} in ${name(el)} sticks out of the window`);
    }
    return problems;
  });
}

/** Checks the current screen at both widths; `prepare(width)` opens what only shows on demand (drawers, panels). */
export async function check(page, label, prepare) {
  const all = [];
  for (const [width, height] of [
    [1280, 800],
    [390, 844],
  ]) {
    await page.setViewportSize({ width, height });
    if (prepare) await prepare(width);
    // Layout settles in a frame; wait for it rather than sleep.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    all.push(...(await overflowProblems(page)).map((p) => `${label} @${width}px: ${p}`));
  }
  return all;
}
