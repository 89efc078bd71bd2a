/**
 * What a keyboard-only and screen-reader user meets in the pane, measured in real
 * Chromium: tab stops, focus indicators, accessible names (Chromium's own
 * accessibility tree, through CDP), live announcements, axe-core, reflow.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { englishIn, ROOT } from './harness';

// ---------------------------------------------------------------- announcements

/**
 * Records what a screen reader is told without moving focus: text changes inside
 * live regions (`aria-live`, `role=status|alert|log`), elements inserted with
 * `role=alert`, and `ariaNotify` calls (Fluent's announcer uses it when Chromium has it).
 */
export const RECORD_ANNOUNCEMENTS = `(() => {
  const said = (window.__announced = []);
  const LIVE = '[aria-live]:not([aria-live="off"]),[role="status"],[role="alert"],[role="log"]';
  for (const proto of [Document.prototype, Element.prototype]) {
    const orig = proto.ariaNotify;
    if (typeof orig === 'function') proto.ariaNotify = function (message, options) { said.push(String(message)); return orig.call(this, message, options); };
  }
  const obs = new MutationObserver((muts) => {
    for (const m of muts) {
      const target = m.target.nodeType === 1 ? m.target : m.target.parentElement;
      const live = target && target.closest(LIVE);
      if (live && live.textContent.trim()) said.push(live.textContent.trim());
      for (const n of Array.from(m.addedNodes)) {
        if (n.nodeType === 1 && n.matches('[role="alert"]') && n.textContent.trim()) said.push(n.textContent.trim());
      }
    }
  });
  const start = () => obs.observe(document.documentElement, { subtree: true, childList: true, characterData: true });
  if (document.documentElement) start(); else document.addEventListener('DOMContentLoaded', start);
})();`;

export async function announced(page: Page): Promise<string[]> {
  return page.evaluate(() => ((window as unknown as { __announced?: string[] }).__announced ?? []).slice());
}

/** Waits until a screen reader has been told something matching `re` (fails on the page's timeout). */
export async function waitAnnounced(page: Page, re: RegExp): Promise<void> {
  await page.waitForFunction(
    ([source, flags]) => ((window as unknown as { __announced?: string[] }).__announced ?? []).some((t) => new RegExp(source, flags).test(t)),
    [re.source, re.flags] as const,
  );
}

// ---------------------------------------------------------------- focus

export interface Stop {
  tag: string;
  role: string | null;
  name: string;
  inBody: boolean;
}

/** The focused element, described; `inBody` is true when focus is lost to `body` (or nothing). */
export async function focused(page: Page): Promise<Stop> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body || el === document.documentElement) return { tag: 'body', role: null, name: '', inBody: true };
    const labelled = el.getAttribute('aria-labelledby');
    const name =
      el.getAttribute('aria-label') ??
      (labelled ? labelled.split(/\s+/).map((id) => document.getElementById(id)?.textContent ?? '').join(' ') : null) ??
      ((el as HTMLInputElement).labels?.[0]?.textContent ?? null) ??
      el.textContent ??
      '';
    return { tag: el.tagName.toLowerCase(), role: el.getAttribute('role'), name: name.replace(/\s+/g, ' ').trim(), inBody: false };
  });
}

/**
 * Is there a visible focus indicator? The region around the focused element (6 px
 * around it, where Fluent draws its outlines) is photographed focused, then with the
 * element blurred; the two pictures must differ. Focus is given back afterwards.
 */
export async function hasVisibleFocus(page: Page): Promise<boolean> {
  const box = await page.evaluate(() => {
    const el = document.activeElement as HTMLElement;
    el.scrollIntoView({ block: 'center', inline: 'nearest' });
    const r = el.getBoundingClientRect();
    // A native <select> inside Fluent's wrapper: the indicator is drawn by the wrapper.
    const host = (el.closest('.fui-Select, .fui-Input, .fui-Checkbox, .fui-Radio') as HTMLElement | null) ?? el;
    const h = host.getBoundingClientRect();
    const left = Math.min(r.left, h.left), top = Math.min(r.top, h.top);
    const right = Math.max(r.right, h.right), bottom = Math.max(r.bottom, h.bottom);
    return { left, top, right, bottom, vw: window.innerWidth, vh: window.innerHeight };
  });
  const x = Math.max(0, Math.floor(box.left - 6));
  const y = Math.max(0, Math.floor(box.top - 6));
  const clip = { x, y, width: Math.max(1, Math.min(box.vw, Math.ceil(box.right + 6)) - x), height: Math.max(1, Math.min(box.vh, Math.ceil(box.bottom + 6)) - y) };
  const handle = await page.evaluateHandle(() => document.activeElement as HTMLElement);
  const withFocus = await page.screenshot({ clip, animations: 'disabled' });
  await handle.evaluate((el) => el.blur());
  const without = await page.screenshot({ clip, animations: 'disabled' });
  await handle.evaluate((el) => el.focus());
  await handle.dispose();
  return !withFocus.equals(without);
}

export interface Walk {
  stops: Stop[];
  /** Stops without a visible focus indicator. */
  invisible: string[];
}

/**
 * Presses `key` until the focused element matches `target` (an element of the page),
 * at most `max` times; checks the focus indicator of every stop on the way.
 * Throws when the target is never reached: it is not reachable with the keyboard.
 */
export async function keyTo(page: Page, target: () => Promise<boolean>, what: string, walk: Walk, key = 'Tab', max = 150): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(key);
    const stop = await focused(page);
    walk.stops.push(stop);
    if (!stop.inBody && !(await hasVisibleFocus(page))) walk.invisible.push(`${stop.tag}${stop.role ? `[${stop.role}]` : ''} « ${stop.name} »`);
    if (await target()) return;
  }
  throw new Error(`« ${what} » n'est pas atteint au clavier (${max} × ${key}) ; arrêts : ${walk.stops.slice(-10).map((s) => s.name || s.tag).join(' | ')}`);
}

// ---------------------------------------------------------------- names (Chromium's accessibility tree)

const INTERACTIVE = new Set([
  'button', 'link', 'combobox', 'listbox', 'checkbox', 'radio', 'textbox', 'searchbox', 'menuitem', 'tab', 'switch', 'slider',
  'spinbutton', 'DisclosureTriangle', 'option', 'treeitem',
]);

export interface AxNode {
  role: string;
  name: string;
}

/** The interactive nodes of Chromium's accessibility tree, with the name a screen reader reads. */
export async function interactiveNodes(page: Page): Promise<AxNode[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as {
      nodes: { ignored: boolean; role?: { value: string }; name?: { value: string } }[];
    };
    return nodes
      .filter((n) => !n.ignored && n.role && INTERACTIVE.has(n.role.value))
      .map((n) => ({ role: n.role!.value, name: String(n.name?.value ?? '').trim() }));
  } finally {
    await cdp.detach();
  }
}

/** Interactive nodes without a name, or with an English one. */
export async function badNames(page: Page, where: string): Promise<string[]> {
  const out: string[] = [];
  for (const n of await interactiveNodes(page)) {
    if (n.role === 'option') continue; // options are named by their own text (years, Pôles, headers of the buyer's file)
    if (!n.name) out.push(`${where}: ${n.role} sans nom accessible`);
    else if (englishIn(n.name).length) out.push(`${where}: ${n.role} « ${n.name} » (anglais : ${englishIn(n.name).join(', ')})`);
  }
  return out;
}

/** Headings in document order, as `h<level> text`, visible to assistive technologies. */
export async function outline(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll('h1,h2,h3,h4,h5,h6,[role="heading"]'))
      .filter((h) => !h.closest('[aria-hidden="true"]'))
      .map((h) => `${h.getAttribute('aria-level') ? `h${h.getAttribute('aria-level')}` : h.tagName.toLowerCase()} ${(h.textContent ?? '').replace(/\s+/g, ' ').trim()}`),
  );
}

/** Heading levels that jump (h1 → h3), as text. */
export function skippedLevels(headings: string[]): string[] {
  const out: string[] = [];
  let prev = 0;
  for (const h of headings) {
    const level = Number(h[1]);
    if (prev && level > prev + 1) out.push(h);
    prev = level;
  }
  return out;
}

// ---------------------------------------------------------------- axe-core

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/** axe-core (the copy jest-axe brings) in the page; violations of impact serious or critical. */
export async function axeSerious(page: Page): Promise<AxeViolation[]> {
  const has = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe !== 'undefined');
  if (!has) await page.addScriptTag({ path: join(ROOT, 'node_modules', 'axe-core', 'axe.min.js') });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: string[]; failureSummary?: string }[] }[] }> } }).axe;
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => `${n.target.join(' ')} [aria-disabled=${document.querySelector(n.target.join(' '))?.getAttribute('aria-disabled')}, texte « ${document.querySelector(n.target.join(' '))?.textContent} »] — ${n.failureSummary ?? ''}`) }));
  });
}

// ---------------------------------------------------------------- reflow

/** Elements sticking out of the viewport on the right (horizontal scrolling needed), and the page's scroll width. */
/**
 * The pane at rest, as the buyer reads it: no computation running, no transition under way, and two
 * frames drawn (a Fluent MessageBar first lays out on one line, then its ResizeObserver wraps it).
 */
export async function settled(page: Page): Promise<void> {
  await page.getByRole('progressbar').waitFor({ state: 'detached' });
  await page.waitForFunction(() => document.getAnimations().length === 0);
  await page.evaluate(() => new Promise<void>((ok) => requestAnimationFrame(() => requestAnimationFrame(() => ok()))));
}

export async function overflow(page: Page): Promise<{ scrollWidth: number; width: number; culprits: string[] }> {
  return page.evaluate(() => {
    const root = document.documentElement;
    const width = root.clientWidth;
    const culprits: string[] = [];
    for (const el of Array.from(document.querySelectorAll('body *'))) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      if (el.closest('.visually-hidden')) continue;
      if (r.right > width + 1) {
        const kids = Array.from(el.children).some((c) => c.getBoundingClientRect().right > width + 1);
        if (!kids) culprits.push(`${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? `.${el.className.split(/\s+/)[0]}` : ''} « ${(el.textContent ?? '').trim().slice(0, 60)} » (droite ${Math.round(r.right)} px)`);
      }
    }
    return { scrollWidth: root.scrollWidth, width, culprits: culprits.slice(0, 15) };
  });
}
