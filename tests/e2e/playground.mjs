// A page object for the playground: every test reaches the page through these hooks.
export const READY_TIMEOUT = 120_000;
export const RUN_TIMEOUT = 60_000;

export class Playground {
  constructor(page, url) {
    this.page = page;
    this.url = url;
  }

  async open({ fresh = true } = {}) {
    await this.page.goto(this.url);
    if (fresh) {
      await this.page.evaluate(() => localStorage.clear());
      await this.page.reload();
    }
    await this.page.waitForSelector('[data-testid="run"]');
  }

  async ready() {
    await this.page.evaluate(() => window.memplay.ready());
    await this.page.waitForSelector('[data-testid="run"]:not([disabled])', { timeout: READY_TIMEOUT });
  }

  testid(id) {
    return this.page.locator(`[data-testid="${id}"]`);
  }

  async setCode(pane, text) {
    await this.page.evaluate(([p, t]) => window.memplay.setCode(p, t), [pane, text]);
  }

  // The editors are CodeMirror's: what the specs need of its markup is named here only.

  /** Both panes' editors. */
  editors() {
    return this.page.locator('.cm-editor');
  }

  /** The scrolling box of each editor (whose width says whether the code scrolls sideways). */
  editorScrollers() {
    return this.page.locator('.cm-scroller');
  }

  /** The editable text of a pane's editor. */
  editorText(pane) {
    return this.testid(`editor-${pane}`).locator('.cm-content');
  }

  /** Puts the cursor in a pane's editor, as a click would. */
  async focusEditor(pane) {
    await this.editorText(pane).click();
  }

  /** The line a pane's editor highlights as the error's. */
  errorLine(pane) {
    return this.testid(`editor-${pane}`).locator('.cm-error-line');
  }

  /** A line's mark in the gutter: what it made net (`net`) or held at the peak (`peak`). */
  gutterMark(pane, line, which = 'net') {
    const kind = which === 'peak' ? '.mem-at_peak' : ':not(.mem-at_peak)';
    return this.testid(`editor-${pane}`).locator(`.mem-mark${kind}[data-line="${line}"]`);
  }

  /** Types into a pane's editor as a person would (replacing what is there). */
  async type(pane, text) {
    await this.focusEditor(pane);
    await this.page.keyboard.press('ControlOrMeta+A');
    await this.page.keyboard.press('Backspace');
    await this.page.keyboard.type(text);
  }

  async choosePreset(id) {
    await this.testid('preset-select').selectOption(id);
  }

  async clickRun() {
    await this.testid('run').click();
  }

  /** Waits until neither pane runs and the Run button is back. */
  async idle(timeout = RUN_TIMEOUT) {
    await this.page.waitForSelector('[data-testid="stop"][disabled]', { timeout });
    await this.page.waitForSelector('[data-testid="run"]:not([disabled])', { timeout });
  }

  async figure(pane, key) {
    const v = await this.testid(`figure-${pane}-${key}`).getAttribute('data-value');
    return Number(v);
  }

  /** Sets the time (s) and memory (MiB) limits through the settings panel. */
  async setLimits({ time, memory } = {}) {
    const panel = this.testid('settings');
    if (!(await panel.evaluate((d) => d.open))) await panel.locator('summary').click();
    for (const [id, value] of [['setting-time', time], ['setting-memory', memory]]) {
      if (value === undefined) continue;
      await this.testid(id).fill(String(value));
      await this.testid(id).press('Tab');
    }
  }

  /** Puts `a` and `b` in the editors, runs both and returns the comparison. */
  async compare(a, b) {
    await this.setCode('a', a);
    await this.setCode('b', b);
    return this.page.evaluate(() => window.memplay.run());
  }

  /** The text in a pane's editor, as shown. */
  async code(pane) {
    return (await this.editorText(pane).innerText()).replace(/\u00a0/g, ' ').trimEnd();
  }

  async results() {
    return this.page.evaluate(() => window.memplay.results());
  }
}
