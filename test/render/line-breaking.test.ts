// The stylesheets' line breaking by language (issue 23, item 3; issue 18, item 5), laid out by the
// browser the tool prints with: at every width, no Japanese line starts with ー, 。, 、, a closing
// bracket or a small kana, none ends with an opening one; a Korean word is never split.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { bundledTemplatesDir } from '../../src/render/template-set.js';
import { launchBrowser } from '../helpers/launch-browser.js';

let browser: Browser;
let page: Page;
let css: string;
test.before(async () => {
  browser = await launchBrowser();
  page = await browser.newPage();
  css = await readFile(path.join(bundledTemplatesDir(), 'styles/15-languages.css'), 'utf8');
});
test.after(() => browser.close());

const JAPANESE = 'アジアのグローバル人材の確保（離島）について、県は「島の先生」事業を始めた。ニュースレターのサーバーで、データベースのコーヒーショップ。';
const KOREAN = '귀국연구자 펠로십은 해외 연구기관에서 일한 연구자에게 지원금을 준다';

/** The lines `text` is laid out in at each width from 40 to 200 px, as the browser breaks them. */
async function linesAtWidths(lang: string, text: string, style: string): Promise<string[][]> {
  await page.setContent(`<!doctype html><html lang="${lang}"><head><style>${style}</style></head><body style="margin:0;font-size:10px"><div id="t"></div></body></html>`);
  return page.evaluate((content: string) => {
    const box = document.getElementById('t')!;
    box.textContent = content;
    const node = box.firstChild!;
    const layouts: string[][] = [];
    for (let width = 40; width <= 200; width += 3) {
      box.style.width = `${width}px`;
      const lines: string[] = [];
      let top = NaN;
      const range = document.createRange();
      for (let i = 0; i < content.length; i++) {
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        const rect = range.getClientRects()[0];
        if (!rect) continue;
        if (rect.top !== top && Math.abs(rect.top - top) > 2) {
          lines.push('');
          top = rect.top;
        }
        lines[lines.length - 1] = `${lines[lines.length - 1] ?? ""}${content[i] ?? ""}`;
      }
      layouts.push(lines);
    }
    return layouts;
  }, text);
}

// Small kana too: strict line breaking (JIS X 4051) keeps them off a line's start, which Chromium's default does not.
const badStart = (lines: string[]) => lines.slice(1).filter((line) => /^[ー。、」』）ぁぃぅぇぉっゃゅょァィゥェォッャュョ]/.test(line.trimStart()));
const badEnd = (lines: string[]) => lines.slice(0, -1).filter((line) => /[「『（]$/.test(line.trimEnd()));

test('at no width does a Japanese line start with ー, 。, 、, a closing bracket or a small kana, or end with an opening one', async () => {
  for (const lines of await linesAtWidths('ja', JAPANESE, css)) {
    assert.equal(badStart(lines), [], lines.join(' / '));
    assert.equal(badEnd(lines), [], lines.join(' / '));
  }
});

test('a Korean word is never split between its syllables', async () => {
  for (const lines of await linesAtWidths('ko', KOREAN, css)) {
    const words = new Set(KOREAN.split(' '));
    for (const line of lines) for (const part of line.trim().split(' ')) assert.ok(words.has(part) || lines.length === 1, `"${part}" in ${lines.join(' / ')}`);
  }
});

test.run();
