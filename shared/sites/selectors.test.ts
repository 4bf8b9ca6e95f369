import { describe, expect, it } from 'vitest';
import {
  capturedX,
  fixtureDocument,
  projectFixture,
} from '../../tests/fixtures/fixture-document.ts';
import { facebookSelectors } from './facebook/selectors.ts';
import { linkedinSelectors } from './linkedin/selectors.ts';
import { xSelectors } from './x/selectors.ts';

/**
 * Every selector of each site's table, paired with a page where it must match (as
 * refined-github pairs each selector with a real page): when the site's markup moves on and the
 * fixtures are recaptured, the selector that no longer finds anything is named here. The tables
 * are typed by the selectors' names, so a selector added without a page fails the typecheck.
 */
const inColumn = (html: string) =>
  `<html><body><div data-testid="primaryColumn">${html}</div></body></html>`;
const pages = {
  'x/home.html': () => fixtureDocument(projectFixture('x/home.html')),
  'x/captured/tweet.html': () => fixtureDocument(capturedX('tweet.html'), inColumn),
  'x/captured/promoted_ad.html': () => fixtureDocument(capturedX('promoted_ad.html'), inColumn),
  'x/status.html': () => fixtureDocument(projectFixture('x/status.html')),
  'x/reply-dialog.html': () => fixtureDocument(projectFixture('x/reply-dialog.html')),
  'linkedin/feed.html': () => fixtureDocument(projectFixture('linkedin/feed.html')),
  'linkedin/feed-new.html': () => fixtureDocument(projectFixture('linkedin/feed-new.html')),
  'linkedin/feed-comments.html': () =>
    fixtureDocument(projectFixture('linkedin/feed-comments.html')),
  'facebook/feed.html': () => fixtureDocument(projectFixture('facebook/feed.html')),
  'facebook/group.html': () => fixtureDocument(projectFixture('facebook/group.html')),
  'facebook/feed-comments.html': () =>
    fixtureDocument(projectFixture('facebook/feed-comments.html')),
} as const;
type Page = keyof typeof pages;

const x: Record<keyof typeof xSelectors, Page> = {
  primaryColumn: 'x/home.html',
  dmDrawer: 'x/home.html',
  post: 'x/captured/tweet.html',
  time: 'x/captured/tweet.html',
  statusLink: 'x/captured/tweet.html',
  timeLink: 'x/captured/tweet.html',
  userName: 'x/captured/tweet.html',
  userLink: 'x/captured/tweet.html',
  text: 'x/captured/tweet.html',
  actionBar: 'x/captured/tweet.html',
  socialContext: 'x/home.html',
  placementTracking: 'x/captured/promoted_ad.html',
  analyticsLink: 'x/captured/promoted_ad.html',
  adLabel: 'x/captured/promoted_ad.html',
  composerEditor: 'x/status.html',
  composerLabel: 'x/status.html',
  row: 'x/status.html',
  dialog: 'x/reply-dialog.html',
  inlineReplyButton: 'x/status.html',
  dialogReplyButton: 'x/reply-dialog.html',
};

const linkedin: Record<keyof typeof linkedinSelectors, Page> = {
  legacyPost: 'linkedin/feed.html',
  innerUpdate: 'linkedin/feed.html',
  aggregate: 'linkedin/feed.html',
  actorName: 'linkedin/feed.html',
  actorLink: 'linkedin/feed.html',
  actorDescription: 'linkedin/feed.html',
  text: 'linkedin/feed.html',
  miniUpdate: 'linkedin/feed.html',
  header: 'linkedin/feed.html',
  actionBar: 'linkedin/feed.html',
  newFeed: 'linkedin/feed-new.html',
  newPost: 'linkedin/feed-new.html',
  newText: 'linkedin/feed-new.html',
  newAuthorMenu: 'linkedin/feed-new.html',
  newLikeButton: 'linkedin/feed-new.html',
  activityLink: 'linkedin/feed-new.html',
  profileLink: 'linkedin/feed-new.html',
  commentBox: 'linkedin/feed-comments.html',
  commentForm: 'linkedin/feed-comments.html',
  commentEditor: 'linkedin/feed-comments.html',
  commentSubmit: 'linkedin/feed-comments.html',
  comment: 'linkedin/feed-comments.html',
};

const facebook: Record<keyof typeof facebookSelectors, Page> = {
  main: 'facebook/feed.html',
  feedPost: 'facebook/feed.html',
  groupPost: 'facebook/group.html',
  comment: 'facebook/feed.html',
  profileName: 'facebook/feed.html',
  profileLink: 'facebook/feed.html',
  link: 'facebook/feed.html',
  message: 'facebook/feed.html',
  likeButton: 'facebook/feed.html',
  commentButton: 'facebook/feed.html',
  adLink: 'facebook/feed.html',
  sponsoredLabel: 'facebook/feed.html',
  commentEditor: 'facebook/feed-comments.html',
  commentForm: 'facebook/feed-comments.html',
  commentSubmit: 'facebook/feed-comments.html',
};

const cases = [
  ...Object.entries(x).map(([name, page]) => ['x', name, xSelectors[name as keyof typeof x], page]),
  ...Object.entries(linkedin).map(([name, page]) => [
    'linkedin',
    name,
    linkedinSelectors[name as keyof typeof linkedin],
    page,
  ]),
  ...Object.entries(facebook).map(([name, page]) => [
    'facebook',
    name,
    facebookSelectors[name as keyof typeof facebook],
    page,
  ]),
] as [string, string, string, Page][];

describe('site selector tables', () => {
  const docs = new Map<Page, Document>();
  const doc = (page: Page) => docs.get(page) ?? docs.set(page, pages[page]()).get(page)!;

  it.each(cases)('%s.%s (%s) matches in %s', (_site, _name, selector, page) => {
    expect(doc(page).querySelectorAll(selector).length).toBeGreaterThan(0);
  });
});
