// The CSP and Trusted Types promises are about what the code never does; check the source.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sources(join(dir, entry.name))
      : entry.name.endsWith('.ts')
        ? [join(dir, entry.name)]
        : [],
  );
}

const files = sources('src/ui');
const css = readFileSync('styles/reconnect.css', 'utf8');

describe('src/ui source', () => {
  it.each(files)('%s parses no HTML and writes no inline style', (file) => {
    // Comments may name what the code avoids; only code counts.
    const code = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
    const parsesHtml =
      /\b(innerHTML|outerHTML|insertAdjacentHTML|document\.write|DOMParser|createContextualFragment)\b/;
    const inlineStyleOrEval =
      /\.style\s*[.[=]|setAttribute\(\s*['"]style['"]|cssText\s*=|\beval\(|new Function\(/;
    expect(code).not.toMatch(parsesHtml);
    expect(code).not.toMatch(inlineStyleOrEval);
  });

  it.each(files)('%s stays under 300 lines', (file) => {
    expect(readFileSync(file, 'utf8').split('\n').length).toBeLessThanOrEqual(300);
  });
});

describe('styles/reconnect.css', () => {
  // The 320 px fit comes from the browser's `dialog:modal { max-width: calc(100% - 6px - 2em) }`
  // with `box-sizing: border-box`; test/browser/ui-accessibility.test.ts measures it.
  it('stops motion, reads in dark mode, fits 320 px', () => {
    // The spinner's only animation is inside the no-preference query.
    expect(css).toMatch(/@media \(prefers-reduced-motion: no-preference\) \{\s*\.spinner \{\s*animation: spin /);
    expect(css.replace(/@media \(prefers-reduced-motion: no-preference\) \{[^@]*?\}\s*\}/, '')).not.toMatch(/animation:/);
    // Dark mode from the browser's system colours, not a second palette.
    expect(css).toMatch(/\ndialog \{[^}]*color-scheme: light dark;/);
    expect(css).not.toMatch(/prefers-color-scheme/);
    expect(css).toMatch(/\ndialog \{[^}]*box-sizing: border-box;[^}]*width: 26em;/);
    expect(css).not.toMatch(/max-width/);
  });

  // `rem` follows the page's root font size: under the common `html { font-size: 62.5% }` the
  // dialog shrank to 10 px text and 27.5 px buttons. The dialog's own `medium` font (the user's
  // default size) is the only base; every other size is in `em` from it.
  it('sizes from a medium font on the dialog, never from the page root (no rem)', () => {
    const code = css.replace(/\/\*[\s\S]*?\*\//g, '');
    expect(code).not.toMatch(/\d(\.\d+)?rem\b/);
    expect(code).toMatch(/\ndialog \{[^}]*font: medium\/1\.5 /);
  });

  // Page rules for the host beat a normal `:host` declaration: `div:empty { display: none }`
  // hid the dialog (with the page left inert) and inherited text styles leaked in.
  it('resets its host with an important declaration', () => {
    expect(css).toMatch(/:host \{\s*all: initial !important;\s*\}/);
  });

  // The bundler strips whitespace around ":", turning ".a :focus" into ".a:focus".
  it('has no descendant selector starting with a pseudo-class', () => {
    const selectors = css.replace(/\/\*[\s\S]*?\*\//g, '').match(/[^{}]+(?=\{)/g) ?? [];
    for (const selector of selectors) expect(selector).not.toMatch(/[\w\])]\s+:/);
  });
});
