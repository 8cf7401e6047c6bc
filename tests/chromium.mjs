// How every tool here starts the machine's own Chromium (never a downloaded one): the
// browser tests, the demo and dist checks, and the benchmark. CHROME_PATH points at
// another Chromium or Chrome binary.
export const CHROME = process.env.CHROME_PATH ?? '/usr/bin/chromium';

/** Playwright launch options; `extraArgs` for a tool's own flags. */
export function chromiumLaunchOptions(extraArgs = []) {
  return {
    executablePath: CHROME,
    headless: true,
    args: [
      // As root Chromium needs no sandbox; /dev/shm is small in containers.
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      // The machine has no network but the registries: background calls only fail noisily.
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      ...extraArgs,
    ],
  };
}
