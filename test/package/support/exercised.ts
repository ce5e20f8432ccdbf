// Where the README's code samples live and how each of those files is exercised. The README
// marks each fenced block with `<!-- sample: <file> -->`; readme-samples.test.ts checks the block
// is in that file and that the file is listed here; the runners below make "listed" mean "run".

/** Pages opened in Chromium by readme-pages.test.ts, each with its own scenario. */
export const FIXTURE_PAGES = [
  'test/package/fixtures/pages/script-tag.html',
  'test/package/fixtures/pages/server-shape.html',
  'test/package/fixtures/pages/web-app-shape.html',
  'test/package/fixtures/pages/retry-function.html',
  'test/package/fixtures/pages/retry-sequence.html',
  'test/package/fixtures/pages/jittered-retry.html',
  'test/package/fixtures/pages/signalr-url.html',
  'test/package/fixtures/pages/legacy-build.html',
  'test/package/fixtures/pages/reconnection-handler.html',
  'test/package/fixtures/pages/messages.html',
  'test/package/fixtures/pages/user-modal.html',
  'test/package/fixtures/pages/user-modal-delay.html',
  'test/package/fixtures/pages/state-events.html',
  'test/package/fixtures/pages/es-module.html',
  'test/package/fixtures/pages/save-input.html',
  'test/package/fixtures/pages/theme.html',
] as const;

/** Demo pages opened in Chromium (served by the demo server, strict CSP) with the scripts they load. */
export const DEMO_PAGES = {
  'demo/pages/boot-js.html': ['demo/pages/boot.js'],
  'demo/pages/es-module.html': ['demo/pages/es-module.js'],
  'demo/pages/user-modal.html': ['demo/pages/blazor-modal.css', 'demo/pages/user-modal.css', 'demo/pages/user-modal.js'],
} as const;

/** TypeScript compiled against the packed declarations by types.test.ts. */
export const COMPILED = [
  'test/package/fixtures/consumer/backoff.ts.txt',
  'test/package/fixtures/consumer/bundler.ts.txt',
  'test/package/fixtures/consumer/custom-display.ts.txt',
  'test/package/fixtures/consumer/types.ts.txt',
] as const;

/**
 * Files of the .NET examples: the package tests do not run them (they need the .NET SDK and the
 * built apps); the `dotnet` project's tests do (test/dotnet/). Here they are checked to be copied
 * faithfully into the README.
 */
export const RUN_BY_DOTNET_TESTS = [
  'examples/aspnetcore/Program.cs',
  'examples/aspnetcore/CircuitHub.cs',
  'examples/aspnetcore/CircuitRegistry.cs',
  'examples/blazor-web-app/wwwroot/start.js',
  'examples/blazor-server/wwwroot/start.js',
  'examples/aspnetcore/wwwroot/chat.js',
  'test/dotnet/handle-auth.test.ts',
] as const;

/**
 * The farm's files: run by the `farm` project's tests (test/farm/), which start demo/farm.mjs
 * (Redis, the Blazor Web App's or the ASP.NET Core app's nodes with FarmNode.cs, HAProxy with
 * haproxy.cfg).
 */
export const RUN_BY_FARM_TESTS = [
  'examples/blazor-web-app/FarmHosting.cs',
  'examples/common/FarmNode.cs',
  'demo/farm/haproxy.cfg',
] as const;

/** The marker for shell blocks: each command is checked against package.json and the packed files. */
export const COMMANDS_MARKER = 'commands';

/** Every file a sample may point at. */
export function exercisedFiles(): Set<string> {
  return new Set<string>([
    ...FIXTURE_PAGES,
    ...Object.keys(DEMO_PAGES),
    ...Object.values(DEMO_PAGES).flat(),
    ...COMPILED,
    ...RUN_BY_DOTNET_TESTS,
    ...RUN_BY_FARM_TESTS,
  ]);
}
