/**
 * X (x.com) markup, by test id and ARIA only: class names are generated and change weekly.
 * Each entry is paired with a page of tests/fixtures/x/ (real captures in captured/) in
 * ../selectors.test.ts.
 */
export const xSelectors = {
  /** The timeline column; the DM drawer also uses cellInnerDiv rows, outside it. */
  primaryColumn: '[data-testid="primaryColumn"]',
  /** The direct-message drawer: its rows look like posts and are not. */
  dmDrawer: '[data-testid="DMDrawer"]',
  post: 'article[data-testid="tweet"]',
  time: 'time[datetime]',
  statusLink: 'a[href*="/status/"]',
  /** Around a <time>: the post's own status link (a quoted post's time has none). */
  timeLink: 'a',
  userName: '[data-testid="User-Name"]',
  /** Inside userName: the display name's link (profileLinkOf names the author's own). */
  userLink: 'a',
  text: '[data-testid="tweetText"]',
  actionBar: '[role="group"]',
  socialContext: '[data-testid="socialContext"]',
  /** Around an ad row (inside a post it wraps a video player instead). */
  placementTracking: '[data-testid="placementTracking"]',
  analyticsLink: 'a[href$="/analytics"]',
  /** Leaf spans, one of which reads "Ad" or "Promoted" on an ad. */
  adLabel: 'span',
  /**
   * Reply boxes (SITES.md, "Reply boxes"). The editor of a reply, and of a new post too: what
   * surrounds it tells them apart (a post before it in its row or dialog).
   */
  composerEditor: '[data-testid="tweetTextarea_0"][contenteditable="true"]',
  composerLabel: '[data-testid="tweetTextarea_0_label"]',
  /** A post opened on its own page: its row holds the post and, after it, the reply box. */
  row: '[data-testid="cellInnerDiv"]',
  /** The reply dialog opened from a timeline holds the post replied to and the box. */
  dialog: '[role="dialog"]',
  inlineReplyButton: '[data-testid="tweetButtonInline"]',
  dialogReplyButton: '[data-testid="tweetButton"]',
} as const;

/** The author's profile link inside userName (handles are [A-Za-z0-9_], safe in a selector). */
export const profileLinkOf = (handle: string) => `a[href="/${handle}" i]`;

/** `/{handle}/status/{id}` with nothing but photo/video/analytics suffixes after it. */
export const statusPath =
  /^\/([A-Za-z0-9_]{1,15})\/status\/(\d{5,25})(?:\/(?:photo|video)\/\d+)?\/?$/;
