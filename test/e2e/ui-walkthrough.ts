/**
 * The part of the e2e run that uses the editor as a person does, in the same Chromium session
 * that ran the extension-host suite: open a manifest with Quick Open, find a squiggle, hover it,
 * open the quick-fix menu with Ctrl+., accept "Add resource limits", open the Problems panel.
 * Every step is a check of its own, and leaves a real screenshot behind.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';

export interface UiResult {
  name: string;
  state: 'passed' | 'failed' | 'skipped';
  ms: number;
  error?: string;
}

export interface WalkOptions {
  page: Page;
  baseUrl: string;
  workspace: string;
  screenshotDir: string;
  debugDir: string;
  log: (msg: string) => void;
  file?: string;
}

const STEP_TIMEOUT = 30_000;
const SQUIGGLE = '.monaco-editor .view-overlays .squiggly-warning, .monaco-editor .view-overlays .squiggly-info, .monaco-editor .view-overlays .squiggly-error';

async function editorText(page: Page): Promise<string> {
  return (await page.locator('.editor-instance .monaco-editor .view-lines').first().innerText()).replace(/\u00a0/g, ' ');
}

const TARGET_LINE = '- name: app';

/** Waits for a squiggle on the editor line that contains `lineText`; returns a point on it. */
async function squiggleOnLine(page: Page, lineText: string): Promise<{ x: number; y: number }> {
  const line = page.locator('.editor-instance .view-lines .view-line', { hasText: lineText }).first();
  await line.waitFor({ timeout: STEP_TIMEOUT });
  const deadline = Date.now() + 60_000;
  for (;;) {
    const lb = await line.boundingBox();
    const boxes = await page.locator(SQUIGGLE).evaluateAll((els) =>
      els.map((e) => {
        const r = e.getBoundingClientRect();
        return { x: r.x, y: r.y, w: r.width, h: r.height };
      }),
    );
    const hit = lb && boxes.find((b) => b.w > 0 && b.y + b.h / 2 >= lb.y && b.y + b.h / 2 <= lb.y + lb.height);
    if (hit) return { x: hit.x + Math.min(hit.w / 2, 12), y: hit.y + hit.h / 2 };
    if (Date.now() > deadline) throw new Error(`no squiggle on the line "${lineText}" (${boxes.length} squiggles elsewhere)`);
    await page.waitForTimeout(200);
  }
}

export async function walkThrough(o: WalkOptions): Promise<UiResult[]> {
  const { page, log } = o;
  const file = o.file ?? 'deployment-no-resources.yaml';
  fs.mkdirSync(o.screenshotDir, { recursive: true });
  const results: UiResult[] = [];
  let broken = false;

  async function step(name: string, fn: () => Promise<void>): Promise<void> {
    if (broken) {
      results.push({ name, state: 'skipped', ms: 0 });
      return;
    }
    const t0 = Date.now();
    try {
      await fn();
      results.push({ name, state: 'passed', ms: Date.now() - t0 });
      log(`  ok   ui: ${name}`);
    } catch (err) {
      broken = true;
      const shot = path.join(o.debugDir, `ui-failure-${results.length + 1}.png`);
      await page.screenshot({ path: shot }).catch(() => undefined);
      results.push({ name, state: 'failed', ms: Date.now() - t0, error: `${(err as Error).message}\n(screenshot: ${shot})` });
      log(`  FAIL ui: ${name}`);
    }
  }
  const shoot = (name: string) => page.screenshot({ path: path.join(o.screenshotDir, name) });

  let at = { x: 0, y: 0 };

  await step(`Quick Open shows ${file} in an editor`, async () => {
    await page.goto(`${o.baseUrl}/?folder=${encodeURIComponent(o.workspace)}`, { waitUntil: 'domcontentloaded' });
    await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: 60_000 });
    // The explorer lists the folder once the remote file system answers.
    await page.locator('.explorer-folders-view .monaco-list-row', { hasText: file }).first().waitFor({ timeout: 60_000 });
    await page.keyboard.press('Control+P');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible', timeout: STEP_TIMEOUT });
    await input.fill(file);
    await page.locator('.quick-input-list .monaco-list-row', { hasText: file }).first().waitFor({ timeout: STEP_TIMEOUT });
    await page.keyboard.press('Enter');
    await page.locator('.tabs-container .tab.active', { hasText: file }).waitFor({ timeout: STEP_TIMEOUT });
    await page.locator('.editor-instance .view-lines', { hasText: 'kind: Deployment' }).first().waitFor({ timeout: STEP_TIMEOUT });
  });

  await step('a squiggle marks the container without resources', async () => {
    // The squiggle under the container name (other rules may squiggle other lines).
    at = await squiggleOnLine(page, TARGET_LINE);
    await page.mouse.move(5, 5); // nothing hovered
    await shoot('squiggle.png');
  });

  await step('hovering the squiggle shows the kube-guardrails finding', async () => {
    await page.mouse.move(at.x - 3, at.y);
    await page.mouse.move(at.x, at.y);
    const hover = page.locator('.monaco-hover:not(.hidden)', { hasText: 'container-memory-limit-missing' }).first();
    await hover.waitFor({ state: 'visible', timeout: STEP_TIMEOUT });
    await shoot('hover.png');
  });

  await step('Ctrl+. offers "Add resource limits"', async () => {
    await page.mouse.click(at.x, at.y); // cursor into the flagged name
    await page.keyboard.press('Escape');
    await page.mouse.move(5, 5);
    await page.keyboard.press('Control+.');
    const item = page.locator('.action-widget .monaco-list-row[aria-label="Add resource limits"]').first();
    await item.waitFor({ state: 'visible', timeout: STEP_TIMEOUT });
    // Walk the menu with the keyboard, as after Ctrl+., until the fix is highlighted.
    const rows = await page.locator('.action-widget .monaco-list-row').count();
    for (let i = 0; i <= rows && !(await item.evaluate((el) => el.classList.contains('focused'))); i++) {
      await page.keyboard.press('ArrowDown');
    }
    if (!(await item.evaluate((el) => el.classList.contains('focused')))) throw new Error('could not highlight "Add resource limits" with the arrow keys');
    await shoot('quick-fix.png');
  });

  await step('accepting "Add resource limits" inserts limits into the manifest', async () => {
    const before = await editorText(page);
    await page.keyboard.press('Enter');
    const deadline = Date.now() + STEP_TIMEOUT;
    let text = before;
    while (Date.now() < deadline) {
      text = await editorText(page);
      if (/^\s*limits:/m.test(text) && text !== before) break;
      await page.waitForTimeout(100);
    }
    if (!/^\s*limits:/m.test(text)) throw new Error(`no "limits:" in the editor after accepting the fix:\n${text}`);
  });

  await step('the Problems panel lists the remaining findings', async () => {
    await page.keyboard.press('Control+Shift+M');
    const row = page.locator('.markers-panel .monaco-list-row', { hasText: 'kube-guardrails' }).first();
    await row.waitFor({ state: 'visible', timeout: STEP_TIMEOUT });
    await shoot('problems.png');
  });

  return results;
}
