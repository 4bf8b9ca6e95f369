import type { PostRef } from '../../domain/schemas/post.ts';
import { clipText, postKey } from '../../domain/post-key.ts';
import { activityUrn, linkedinSelectors as S } from './selectors.ts';

const MENU_PREFIX = 'Open control menu for post by ';

/**
 * The newer feed has no URN and no permalink: the key is a hash of author and text, the same for
 * every employee, unless a link in the post names its activity.
 */
export function readNewLayoutPost(
  el: Element,
  hash: (handle: string, text: string) => string,
): PostRef | null {
  const name = el
    .querySelector(S.newAuthorMenu)
    ?.getAttribute('aria-label')
    ?.slice(MENU_PREFIX.length)
    .trim();
  const text = clipText(el.querySelector(S.newText)?.textContent ?? '');
  if (!name || !text) return null;
  const profile = el.querySelector(S.profileLink)?.getAttribute('href') ?? '';
  const slug = /\/(in|company)\/([^/?#]+)/.exec(profile);
  const handle = slug ? decodeURIComponent(slug[2]!) : name.toLowerCase().replace(/\s+/g, '-');
  const urn = activityUrn.exec(el.querySelector(S.activityLink)?.getAttribute('href') ?? '')?.[0];
  const nativeId = urn ?? hash(handle, text);
  return {
    key: postKey('linkedin', nativeId),
    platform: 'linkedin',
    nativeId,
    url: urn
      ? `https://www.linkedin.com/feed/update/${urn}/`
      : slug
        ? `https://www.linkedin.com/${slug[1]}/${slug[2]}/recent-activity/all/`
        : 'https://www.linkedin.com/feed/',
    author: { handle, name },
    text,
  };
}
