/**
 * Facebook markup: ARIA and data-ad-* roles only; classes and ARIA ids (":r1a:") change on every
 * load. Each entry is paired with a page of tests/fixtures/facebook/ in ../selectors.test.ts.
 */
export const facebookSelectors = {
  main: 'div[role="main"]',
  feedPost: 'div[aria-posinset]',
  groupPost: 'div[role="feed"] > div',
  comment: '[role="article"][aria-label^="Comment by"]',
  profileName: '[data-ad-rendering-role="profile_name"]',
  /** Inside profileName: the author's profile (or group member) link. */
  profileLink: 'a',
  /** Any link: one of them may be the post's permalink (see permalink.ts). */
  link: 'a[href]',
  message: '[data-ad-rendering-role="story_message"], [data-ad-preview="message"]',
  likeButton: '[data-ad-rendering-role="like_button"]',
  commentButton: '[data-ad-rendering-role="comment_button"]',
  adLink: 'a[href*="/ads/about"]',
  /** The "Sponsored" label where it is not scrambled into letters. */
  sponsoredLabel: '[aria-label="Sponsored"]',
  /**
   * The comment box under a post (SITES.md, "Reply boxes"): a Lexical editor labelled "Write a
   * comment…", or "Comment as …" when commenting as a page. A reply box under a comment is
   * labelled "Reply to …" and sits inside the comment.
   */
  commentEditor:
    '[contenteditable="true"][role="textbox"][aria-label^="Write a comment"], [contenteditable="true"][role="textbox"][aria-label^="Comment as"]',
  commentForm: 'form',
  /** The send button, shown only once there is text (English UI; Enter sends in any). */
  commentSubmit: '[role="button"][aria-label="Comment"]',
} as const;

/** Tracking parameters Facebook adds to every link; never part of a post's address. */
export const trackingParams = [
  '__cft__',
  '__tn__',
  '__xts__',
  'ref',
  'refid',
  'mibextid',
  'rdid',
  'comment_id',
  'notif_id',
  'notif_t',
];
