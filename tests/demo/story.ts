import type { Page } from 'playwright-core';
import { act, overlayOf, overlayText } from '../e2e/support/overlay.ts';
import type { DemoActor, DemoBrowsers } from './demo-browsers.ts';
import { STORY_POSTS } from './posts.ts';

/**
 * The demo's story, one step per picture. A step acts as a person would (clicks in the overlay,
 * the dashboard, the options page), waits until both browsers show the outcome, and names what
 * to photograph. To add a step, add an entry: the runner numbers, shoots and captions it.
 */
export interface StoryStep {
  name: string;
  caption: string;
  run(cast: DemoBrowsers): Promise<Shot[]>;
}

/** A page to photograph, labelled with whose browser it is. */
export interface Shot {
  actor: DemoActor;
  page: Page;
  /** Taken during the step (a menu open, before the choice that closes it); else after it. */
  png?: Buffer;
  /** The picture runs down the page to this post's badge (the window shows fewer posts). */
  reach?: string;
}

const { refund, delivery, jobQuestion } = STORY_POSTS;

/** Polls until `check` holds; names what it waited for when it gives up. */
export async function until(what: string, check: () => Promise<boolean>, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`the demo waited in vain for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const badgeSays = (page: Page, key: string, text: string | RegExp) =>
  until(`the badge of ${key} to say ${text}`, async () => {
    const shown = await overlayText(page, key);
    return typeof text === 'string' ? shown.includes(text) : text.test(shown);
  });

export const toastTexts = (page: Page) =>
  page
    .locator('switchboard-toasts [data-sonner-toast]')
    .evaluateAll((els) => els.map((e) => e.textContent ?? ''));

const toastSays = (page: Page, text: string) =>
  until(`a toast saying ${text}`, async () => (await toastTexts(page)).join(' ').includes(text));

/** Brings a post to the middle of its page, where the pictures look. */
async function show(page: Page, key: string) {
  await overlayOf(page, key).evaluate((el) => el.scrollIntoView({ block: 'center' }));
}

/** Lets toasts finish sliding in before a picture. */
const settle = (page: Page) => page.waitForTimeout(700);

export const STORY: StoryStep[] = [
  {
    name: 'signed-in',
    caption:
      'Ana Lima (Support) and Sam Okafor (Support lead) sign in from the extension’s options page',
    async run({ member, lead }) {
      return [
        { actor: member, page: member.options },
        { actor: lead, page: lead.options },
      ];
    },
  },
  {
    name: 'linkedin-routed',
    caption:
      'Sam opens LinkedIn: the rules route the broken check-in and the app that will not load to Support, the 200-guide pricing question to Sales',
    async run({ lead }) {
      const page = await lead.site('linkedin');
      const [checkIn, pricing, app] = lead.replicas.find((r) => r.site === 'linkedin')!.keys;
      await badgeSays(page, checkIn!, 'Support');
      await badgeSays(page, pricing!, 'Sales');
      await badgeSays(page, app!, 'Support');
      return [{ actor: lead, page, reach: app }];
    },
  },
  {
    name: 'x-routed',
    caption:
      'Ana opens X: the refund and the late parcel go to Support, pricing to Sales, the journalist to PR, the job question to HR',
    async run({ member }) {
      const page = await member.site('x');
      await badgeSays(page, refund, 'Support');
      await badgeSays(page, delivery, 'Support');
      await badgeSays(page, jobQuestion, 'HR');
      return [{ actor: member, page, reach: jobQuestion }];
    },
  },
  {
    name: 'toast-new-in-support',
    caption: 'Sam, still on LinkedIn, gets a toast for each post the rules sent to Support',
    async run({ lead }) {
      const page = await lead.site('linkedin');
      await toastSays(page, 'New in Support');
      await settle(page);
      return [{ actor: lead, page }];
    },
  },
  {
    name: 'claim',
    caption:
      'Ana claims the refund complaint; Support’s guidelines pop up as she starts her answer',
    async run({ member }) {
      const page = await member.site('x');
      await act(page, refund, 'Claim');
      await badgeSays(page, refund, 'You are answering');
      await toastSays(page, 'Support guidelines');
      await settle(page);
      return [{ actor: member, page }];
    },
  },
  {
    name: 'claim-seen',
    caption: 'Sam opens X too and sees at once that Ana is answering the refund',
    async run({ member, lead }) {
      const page = await lead.site('x');
      await badgeSays(page, refund, 'Ana Lima is answering');
      return [
        { actor: member, page: await member.site('x') },
        { actor: lead, page },
      ];
    },
  },
  {
    name: 'claim-refused',
    caption: 'Sam presses Claim as well: refused, Ana holds it, so no customer gets two answers',
    async run({ lead }) {
      const page = await lead.site('x');
      await act(page, refund, 'Claim');
      await badgeSays(page, refund, 'Ana Lima is answering this post');
      return [{ actor: lead, page }];
    },
  },
  {
    name: 'reassign',
    caption: 'Sam hands the late parcel to Ana from the post’s menu: Assign, Support, Ana Lima',
    async run({ lead }) {
      const page = await lead.site('x');
      await show(page, delivery);
      const overlay = overlayOf(page, delivery);
      await overlay.getByRole('button', { name: 'Actions' }).click();
      await overlay.getByRole('button', { name: 'Assign', exact: true }).click();
      await overlay.getByRole('button', { name: 'Support', exact: true }).click();
      await overlay.getByRole('button', { name: 'Ana Lima', exact: true }).waitFor();
      const png = await page.screenshot();
      await overlay.getByRole('button', { name: 'Ana Lima', exact: true }).click();
      return [{ actor: lead, page, png }];
    },
  },
  {
    name: 'assigned-toast',
    caption:
      'Ana gets a toast, "Assigned to you", with a Claim button; the badge shows her initials',
    async run({ member }) {
      const page = await member.site('x');
      await toastSays(page, 'Assigned to you');
      await show(page, delivery);
      await overlayOf(page, delivery).getByRole('img', { name: 'Assigned to Ana Lima' }).waitFor();
      await settle(page);
      return [{ actor: member, page }];
    },
  },
  {
    name: 'answered',
    caption: 'Ana marks the refund answered; Sam’s view follows within a moment',
    async run({ member, lead }) {
      const page = await member.site('x');
      await show(page, refund);
      await act(page, refund, 'Mark answered');
      const leadPage = await lead.site('x');
      await show(leadPage, refund);
      await badgeSays(leadPage, refund, /answered/i);
      return [
        { actor: member, page },
        { actor: lead, page: leadPage },
      ];
    },
  },
  {
    name: 'facebook-suggested',
    caption:
      'On Facebook the broken zip goes straight to Support; the tent question is only suggested for Sales, one click to accept',
    async run({ member }) {
      const page = await member.site('facebook');
      const [, zip, tent] = member.replicas.find((r) => r.site === 'facebook')!.keys;
      await badgeSays(page, zip!, 'Support');
      await badgeSays(page, tent!, 'Suggested: Sales');
      await show(page, zip!);
      return [{ actor: member, page }];
    },
  },
  {
    name: 'dashboard-queue',
    caption: 'Sam’s dashboard: Support’s open queue by due time, who is on what, reassign in place',
    async run({ lead }) {
      const page = await lead.dashboard();
      await page.locator(`tr[data-post-key="${delivery}"]`).waitFor();
      return [{ actor: lead, page }];
    },
  },
  {
    name: 'dashboard-metrics',
    caption: 'Metrics: first response times against Support’s 30-minute target, answers per person',
    async run({ lead }) {
      const page = await lead.dashboard();
      await page.getByRole('tab', { name: 'Metrics' }).click();
      await page.getByText('Answered per person').waitFor();
      return [{ actor: lead, page }];
    },
  },
];
