// The cross-engine suite: the same tests in Chromium, Firefox and WebKit, against the built
// script tag and the Node demo hub, one browser per engine for its whole block.
import { describe } from 'vitest';
import { engineAvailable } from './support/engine';
import type { EngineName } from './support/engine';
import { useEngineSuite } from './support/engine-suite';
import { dialogSuite } from './suites/dialog-suite';
import { pageSuite } from './suites/page-suite';

const ENGINES: EngineName[] = ['chromium', 'firefox', 'webkit'];

for (const name of ENGINES) {
  describe.skipIf(!engineAvailable(name))(`${name}: the built script tag against the demo hub`, () => {
    const suite = useEngineSuite(name);
    dialogSuite(suite);
    pageSuite(suite);
  });
}
