import type { ComposerAdapter } from '../composer-adapter.ts';
import type { PostRef } from '../../domain/schemas/post.ts';
import { editorText } from '../dom-readers.ts';
import { facebookSelectors as S } from './selectors.ts';

/** The outermost post around `el`, as findPosts takes it (a feed row, or a group's). */
function postAround(el: Element): Element | null {
  let post: Element | null = null;
  for (let p = el.parentElement; p; p = p.parentElement)
    if (p.matches(S.feedPost) || p.matches(S.groupPost)) post = p;
  return post;
}

/** Facebook's comment box under a post (Lexical). Enter sends; Shift+Enter breaks the line. */
export function facebookComposers(readPost: (el: Element) => PostRef | null): ComposerAdapter {
  const read: ComposerAdapter['readComposer'] = (el) => {
    const editor = el.closest(S.commentEditor);
    // A box inside a comment answers that comment, not the post.
    if (!editor || editor.closest(S.comment)) return null;
    const container = postAround(editor);
    const post = container && readPost(container);
    if (!post) return null;
    const form = editor.closest(S.commentForm);
    return {
      editor,
      post,
      text: editorText(editor),
      submit: form?.querySelector(S.commentSubmit) ?? null,
      region: form ?? editor,
      mountAfter: form ?? editor,
    };
  };
  return {
    findComposers: (root) => [...root.querySelectorAll(S.commentEditor)].filter((e) => read(e)),
    readComposer: read,
    sendShortcut: 'enter',
  };
}
