/**
 * X (x.com) markup, by test id and ARIA only: class names are generated and change weekly.
 * See ../../../../shared/SITES.md.
 */
export const xSelectors = {
  /** The timeline column; the DM drawer also uses cellInnerDiv rows, outside it. */
  primaryColumn: '[data-testid="primaryColumn"]',
  post: 'article[data-testid="tweet"]',
  time: 'time[datetime]',
  statusLink: 'a[href*="/status/"]',
  userName: '[data-testid="User-Name"]',
  text: '[data-testid="tweetText"]',
  actionBar: '[role="group"]',
  socialContext: '[data-testid="socialContext"]',
  /** Around an ad row (inside a post it wraps a video player instead). */
  placementTracking: '[data-testid="placementTracking"]',
  analyticsLink: 'a[href$="/analytics"]',
} as const;

/** `/{handle}/status/{id}` with nothing but photo/video/analytics suffixes after it. */
export const statusPath =
  /^\/([A-Za-z0-9_]{1,15})\/status\/(\d{5,25})(?:\/(?:photo|video)\/\d+)?\/?$/;
