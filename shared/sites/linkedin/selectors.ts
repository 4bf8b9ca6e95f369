/**
 * LinkedIn markup (each entry paired with a page of tests/fixtures/linkedin/ in
 * ../selectors.test.ts). The legacy feed's `feed-shared-*` and
 * `update-components-*` classes are semantic and stable; everything else is generated.
 */
export const linkedinSelectors = {
  /** Legacy layout: the outer row and the inner update both carry the URN. */
  legacyPost: '[data-id^="urn:li:activity:"], [data-urn^="urn:li:activity:"]',
  /** The update inside the home feed's outer row, which carries the URN when the row does not. */
  innerUpdate: '[data-urn^="urn:li:activity:"]',
  aggregate: '[data-id^="urn:li:aggregate:"], [data-urn^="urn:li:aggregate:"]',
  actorName: '.update-components-actor__title span[aria-hidden="true"]',
  actorLink: 'a.update-components-actor__meta-link',
  actorDescription:
    '.update-components-actor__sub-description, .update-components-actor__description',
  text: '.update-components-text',
  /** A reshared post inside the resharer's update: its text is not the post's own. */
  miniUpdate: '.update-components-mini-update-v2',
  header: '.update-components-header',
  actionBar: '.feed-shared-social-action-bar',
  /** Newer layout (2025-2026): no URN, no permalink. */
  newFeed: '[data-testid="mainFeed"]',
  newPost: '[role="listitem"][componentkey*="FeedType_"]',
  newText: '[data-testid="expandable-text-box"]',
  newAuthorMenu: 'button[aria-label^="Open control menu for post by "]',
  newLikeButton: 'button[aria-label^="Reaction button state"]',
  activityLink: 'a[href*="urn:li:activity:"]',
  profileLink: 'a[href*="/in/"], a[href*="/company/"]',
  /** Legacy layout's comment box under an update (SITES.md, "Reply boxes"): avatar + form. */
  commentBox: '.comments-comment-box--cr',
  commentForm: 'form.comments-comment-box__form',
  /** Quill's editor (its clipboard is contenteditable too, and not the editor). */
  commentEditor: '.ql-editor[contenteditable="true"]',
  /** Rendered only once the editor has text (`comments-comment-box__submit-button--cr`). */
  commentSubmit: 'button[class*="comments-comment-box__submit-button"]',
  /** A comment under the update: a box inside it replies to the comment, not the post. */
  comment: '[data-id^="urn:li:comment:"]',
} as const;

export const activityUrn = /urn:li:activity:(\d{10,25})/;
