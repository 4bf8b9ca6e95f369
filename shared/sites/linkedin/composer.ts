import type { ComposerAdapter } from '../composer-adapter.ts';
import type { PostRef } from '../../domain/schemas/post.ts';
import { editorText } from '../dom-readers.ts';
import { linkedinSelectors as S } from './selectors.ts';

/**
 * LinkedIn's comment box under a feed update (legacy layout; the update's own page uses the same
 * markup). A box inside a comment answers that comment, not the post: not a reply box here.
 */
export function linkedinComposers(readPost: (el: Element) => PostRef | null): ComposerAdapter {
  const read: ComposerAdapter['readComposer'] = (el) => {
    const editor = el.closest(S.commentEditor);
    const form = editor?.closest(S.commentForm);
    if (!editor || !form || form.closest(S.comment)) return null;
    const update = form.closest(S.innerUpdate) ?? form.closest(S.legacyPost);
    const post = update && readPost(update);
    if (!post) return null;
    // Under the whole box (avatar and form sit side by side in a row), not beside the form.
    const box = form.closest(S.commentBox) ?? form;
    return {
      editor,
      post,
      text: editorText(editor),
      submit: form.querySelector(S.commentSubmit),
      region: box,
      mountAfter: box,
    };
  };
  return {
    findComposers: (root) =>
      [...root.querySelectorAll(`${S.commentForm} ${S.commentEditor}`)].filter((e) => read(e)),
    readComposer: read,
    sendShortcut: null,
  };
}
