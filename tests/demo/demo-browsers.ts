import type { Page } from 'playwright-core';
import type { Platform } from '../../shared/domain/schemas/post.ts';
import { launchWithExtension, signIn } from '../e2e/support/chromium.ts';
import type { ExtensionBrowser } from '../e2e/support/chromium.ts';
import { openBadgedPage } from '../e2e/support/overlay.ts';
import type { DemoPerson, DemoServer } from './demo-server.ts';
import { buildReplicas } from './replica-pages.ts';
import type { ReplicaPage } from './replica-pages.ts';
import { serveReplicas } from './serve-replicas.ts';

/** One person's browser in the demo: the extension signed in as them, on the replica sites. */
export interface DemoActor {
  person: DemoPerson;
  /** How the pictures label them, e.g. "Ana Lima · Support". */
  label: string;
  browser: ExtensionBrowser;
  options: Page;
  replicas: ReplicaPage[];
  /** The site's tab, opened (and every post badged) the first time it is asked for. */
  site(site: Platform): Promise<Page>;
  dashboard(): Promise<Page>;
}

export const VIEWPORT = { width: 1000, height: 860 };

/** Side by side on a screen at least 2,000 px wide; smaller screens overlap them. */
const windowArgs = (left: number) => [
  `--window-position=${left},0`,
  `--window-size=${VIEWPORT.width},${VIEWPORT.height + 140}`,
];

async function openActor(
  server: DemoServer,
  person: DemoPerson,
  label: string,
  options: { headless: boolean; left: number },
): Promise<DemoActor> {
  const browser = await launchWithExtension({
    headless: options.headless,
    closeOnSignals: false,
    viewport: options.headless ? VIEWPORT : null,
    args: options.headless ? [] : windowArgs(options.left),
  });
  const replicas = buildReplicas(person);
  await serveReplicas(browser.context, replicas);
  const optionsPage = await signIn(browser, server.url, person.token, person.name);
  const tabs = new Map<string, Page>();
  const once = async (name: string, open: () => Promise<Page>) => {
    const page = tabs.get(name) ?? (await open());
    tabs.set(name, page);
    await page.bringToFront();
    return page;
  };
  return {
    person,
    label,
    browser,
    options: optionsPage,
    replicas,
    site: (site) =>
      once(site, () => {
        const replica = replicas.find((r) => r.site === site)!;
        return openBadgedPage(browser, replica.url, replica.keys.length);
      }),
    dashboard: () =>
      once('dashboard', async () => {
        const page = await browser.context.newPage();
        await page.goto(`chrome-extension://${browser.extensionId}/dashboard.html`);
        return page;
      }),
  };
}

export interface DemoBrowsers {
  member: DemoActor;
  lead: DemoActor;
  close(): Promise<void>;
}

/** The Support member on the left, the Support lead on the right, both signed in. */
export async function openDemoBrowsers(
  server: DemoServer,
  options: { headless: boolean },
): Promise<DemoBrowsers> {
  const opened = await Promise.allSettled([
    openActor(server, server.member, `${server.member.name} · Support`, { ...options, left: 0 }),
    openActor(server, server.lead, `${server.lead.name} · Support lead`, {
      ...options,
      left: VIEWPORT.width,
    }),
  ]);
  const failed = opened.find((o) => o.status === 'rejected');
  if (failed) {
    for (const o of opened) if (o.status === 'fulfilled') await o.value.browser.close();
    throw failed.reason;
  }
  const [member, lead] = opened.map((o) => (o as PromiseFulfilledResult<DemoActor>).value) as [
    DemoActor,
    DemoActor,
  ];
  return {
    member,
    lead,
    async close() {
      await Promise.all([member.browser.close(), lead.browser.close()]);
    },
  };
}
