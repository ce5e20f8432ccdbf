// Runs axe-core in a page (no CSP: the engine is injected as an inline script) and returns its
// violations in a form that reads well in a failed assertion. axe-core descends into open
// shadow roots, so the default dialog is audited with the page.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

interface AxeResultsLike {
  violations: {
    id: string;
    impact?: string | null;
    help: string;
    nodes: { target: unknown[] }[];
  }[];
}

interface AxeWindow {
  axe?: { run(context: Document, options: object): Promise<AxeResultsLike> };
}

/**
 * Every violation axe-core finds in the page as it is now.
 * @param rules - only these rules (e.g. `['color-contrast']`); all rules when omitted.
 */
export async function axeViolations(page: Page, rules?: string[]): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => (window as AxeWindow).axe !== undefined))) {
    await page.addScriptTag({ content: AXE_SOURCE });
  }
  return page.evaluate(async (only) => {
    const axe = (window as AxeWindow).axe;
    if (!axe) throw new Error('axe-core did not load');
    const options = only ? { runOnly: { type: 'rule', values: only } } : {};
    const results = await axe.run(document, { ...options, resultTypes: ['violations'] });
    return results.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact ?? null,
      help: violation.help,
      targets: violation.nodes.map((node) => JSON.stringify(node.target)),
    }));
  }, rules);
}
