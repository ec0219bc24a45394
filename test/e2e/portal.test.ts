/**
 * The portal in a real browser: the built app served by the real backend (SQLite, example catalog, the GitOps
 * plugin with a real git server behind it), Debian's Chromium driven by playwright-core. Signs in as guest,
 * opens podinfo's GitOps tab, waits for its objects and saves test-results/gitops-tab.png; then the fleet page
 * /gitops (test-results/gitops-fleet.png).
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BrowserContext, Locator, chromium } from 'playwright-core';
import { ensureAppBuilt } from './support/appBuild';
import { CHROMIUM_ARGS, findChromium } from './support/chromium';
import { PortalFleet, startPortalFleet } from './support/portalFleet';
import { PortalBackend, startPortalBackend } from './support/portalBackend';
import { waitForEntity } from './support/guest';
import { resultsDir } from './support/paths';

const browser = findChromium();
if (browser.skipReason) {
  // eslint-disable-next-line no-console
  console.warn(`\n\n*** SKIPPING the portal browser test: ${browser.skipReason} ***\n\n`);
}
const describeInBrowser = browser.path ? describe : describe.skip;

describeInBrowser('portal in a browser', () => {
  let fleet: PortalFleet | undefined;
  let backend: PortalBackend | undefined;
  let context: BrowserContext | undefined;
  let profileDir: string | undefined;

  beforeAll(async () => {
    const timings: string[] = [];
    const timed = async <T>(label: string, step: () => Promise<T>) => {
      const started = Date.now();
      const result = await step();
      timings.push(`${label} ${((Date.now() - started) / 1000).toFixed(1)} s`);
      return result;
    };
    await timed('app build', () => ensureAppBuilt());
    fleet = await timed('git server + cluster', () => startPortalFleet());
    backend = await timed('backend start', () => startPortalBackend(fleet!.config));
    await timed('catalog', () => waitForEntity(backend!.baseUrl, { kind: 'component', namespace: 'default', name: 'podinfo' }));
    profileDir = mkdtempSync(join(tmpdir(), 'gitops-portal-chromium-'));
    context = await timed('browser', () =>
      chromium.launchPersistentContext(profileDir!, {
        executablePath: browser.path,
        headless: true,
        args: CHROMIUM_ARGS,
        viewport: { width: 1440, height: 900 },
      }),
    );
    // eslint-disable-next-line no-console
    console.log(`portal e2e setup: ${timings.join(', ')}`);
  }, 600_000);

  afterAll(async () => {
    await context?.close();
    await backend?.stop();
    await fleet?.stop();
    if (profileDir) rmSync(profileDir, { recursive: true, force: true });
  }, 60_000);

  it('signs in as guest and shows the GitOps tab of podinfo', async () => {
    const page = await context!.newPage();
    const problems: string[] = [];
    page.on('pageerror', error => problems.push(`page error: ${error.message}`));

    await page.goto(`${backend!.baseUrl}/catalog/default/component/podinfo/gitops`);
    await page.getByRole('button', { name: 'Enter' }).click({ timeout: 60_000 });

    const content = page.getByTestId('gitops-entity-content');
    await content.waitFor({ timeout: 60_000 });
    const row = page.getByTestId('gitops-object-staging/Kustomization/flux-system/apps');
    await row.waitFor({ timeout: fleet!.readyTimeoutMs });
    // Wait for the object to settle (its first reconcile), so the screenshot shows a real outcome.
    await page
      .getByTestId('gitops-object-staging/Kustomization/flux-system/apps')
      .getByTestId('gitops-status')
      .filter({ hasNotText: /Unknown|Reconciling/ })
      .waitFor({ timeout: fleet!.readyTimeoutMs });

    await expectVisible(page.getByRole('tab', { name: 'GitOps' }));
    await expectVisible(row.getByText('apps', { exact: true }));
    await expectVisible(row.getByText('staging', { exact: true }));
    await expectVisible(row.getByRole('button', { name: /Sync now/ }));

    // Expand the row: its recent reconciles and events come from the history and events routes.
    await row.getByRole('button', { name: /Show history/ }).click();
    const details = page.getByTestId('gitops-object-details');
    await details.getByRole('listitem').first().waitFor({ timeout: 30_000 });
    await expectVisible(details.getByText('Recent reconciles'));

    mkdirSync(resultsDir, { recursive: true });
    await page.screenshot({ path: join(resultsDir, 'gitops-tab.png'), fullPage: true });

    // Sync now goes through the permission framework and the backend, and reports back.
    await row.getByRole('button', { name: /Sync now/ }).click();
    await page.getByText('Reconcile requested for Kustomization flux-system/apps').waitFor({ timeout: 30_000 });
    expect(problems).toEqual([]);
  }, 300_000);

  it('shows the GitOps card on the overview and explains linking on an unlinked component', async () => {
    const page = await context!.newPage();
    // The guest session from the first test is still there: `auto` sign-in skips the Enter button.
    await page.goto(`${backend!.baseUrl}/catalog/default/component/podinfo`);
    const card = page.getByTestId('gitops-entity-card');
    await card.getByText(/of 1 object ready/).waitFor({ timeout: 60_000 });
    await page.screenshot({ path: join(resultsDir, 'gitops-card.png'), fullPage: true });

    await waitForEntity(backend!.baseUrl, { kind: 'component', namespace: 'default', name: 'docs-site' });
    await page.goto(`${backend!.baseUrl}/catalog/default/component/docs-site/gitops`);
    await page.getByText('This entity is not linked to any GitOps objects').waitFor({ timeout: 60_000 });
    await page.screenshot({ path: join(resultsDir, 'gitops-empty-state.png'), fullPage: true });
    await expectVisible(page.getByText(/gitops.backstage.io\/objects: staging\/Kustomization\/flux-system\/docs-site/));
  }, 120_000);

  it('shows the whole fleet on /gitops with counts, filters and entity links', async () => {
    const page = await context!.newPage();
    await page.goto(`${backend!.baseUrl}/gitops`);
    const fleetPage = page.getByTestId('gitops-fleet-page');
    await fleetPage.waitFor({ timeout: 60_000 });
    const row = page.getByTestId('gitops-object-staging/Kustomization/flux-system/apps');
    await row.getByTestId('gitops-status').filter({ hasText: 'Ready' }).waitFor({ timeout: fleet!.readyTimeoutMs });

    await expectVisible(page.getByRole('link', { name: 'GitOps' }));
    await expectVisible(page.getByTestId('gitops-cluster-staging'));
    await expectVisible(page.getByTestId('gitops-count-ready'));
    await expectVisible(row.getByRole('link', { name: /podinfo/ }));
    await expectVisible(row.getByRole('button', { name: /Sync now/ }));

    mkdirSync(resultsDir, { recursive: true });
    await page.screenshot({ path: join(resultsDir, 'gitops-fleet.png'), fullPage: true });
  }, 300_000);
});

/** Waits briefly for the element (lazy chunks such as the syntax highlighter render a moment later). */
async function expectVisible(locator: Locator) {
  try {
    await locator.waitFor({ state: 'visible', timeout: 10_000 });
  } catch {
    throw new Error(`expected ${locator.toString()} to be visible`);
  }
}
