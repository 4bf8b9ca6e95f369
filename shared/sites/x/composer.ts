import type { ComposerAdapter } from '../composer-adapter.ts';
import type { PostRef } from '../../domain/schemas/post.ts';
import { editorText, outermost, precedes } from '../dom-readers.ts';
import { xSelectors as S } from './selectors.ts';

/**
 * The post a reply box answers: the outermost post before it in its frame (the post's row on its
 * own page, or the reply dialog). The home timeline's "What's happening?" box has no post before
 * it in a row or dialog; a quote's box shows the quoted post after it, not before.
 */
function postBefore(frame: Element, editor: Element): Element | null {
  const before = outermost([...frame.querySelectorAll(S.post)]).filter((a) => precedes(a, editor));
  return before.at(-1) ?? null;
}

/** X's reply boxes: the inline one under a post on its own page, and the reply dialog's. */
export function xComposers(readPost: (el: Element) => PostRef | null): ComposerAdapter {
  const read: ComposerAdapter['readComposer'] = (el) => {
    const editor = el.closest(S.composerEditor);
    if (!editor) return null;
    const dialog = editor.closest(S.dialog);
    const frame = dialog ?? editor.closest(S.row);
    const article = frame && postBefore(frame, editor);
    const post = article && readPost(article);
    if (!frame || !post) return null;
    return {
      editor,
      post,
      text: editorText(editor),
      submit: frame.querySelector(dialog ? S.dialogReplyButton : S.inlineReplyButton),
      region: frame,
      mountAfter: editor.closest(S.composerLabel) ?? editor,
    };
  };
  return {
    findComposers: (root) => [...root.querySelectorAll(S.composerEditor)].filter((e) => read(e)),
    readComposer: read,
    sendShortcut: 'mod-enter',
  };
}
