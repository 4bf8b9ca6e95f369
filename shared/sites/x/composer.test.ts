import { describe, expect, it } from 'vitest';
import { xAdapter } from './adapter.ts';
import { fixtureDocument, projectFixture } from '../../../tests/fixtures/fixture-document.ts';

const composers = xAdapter.composers!;
const page = (file: string) => fixtureDocument(projectFixture(`x/${file}`));
const keys = (doc: Document) => xAdapter.findPosts(doc).map((el) => xAdapter.readPost(el)?.key);

/** What Draft.js renders for typed lines: one data-block per line, text in spans. */
function type(editor: Element, ...lines: string[]) {
  editor.querySelector('[data-contents="true"]')!.innerHTML = lines
    .map(
      (line, i) =>
        `<div data-block="true" data-offset-key="k${i}-0-0"><div class="public-DraftStyleDefault-block" data-offset-key="k${i}-0-0"><span data-offset-key="k${i}-0-0">${line ? `<span data-text="true">${line}</span>` : '<br data-text="true">'}</span></div></div>`,
    )
    .join('');
}

describe('X reply boxes', () => {
  it('reads the inline box under a post opened on its own page, and leaves the posts as they were', () => {
    const doc = page('status.html');
    expect(keys(doc)).toEqual([
      'x:1841842569182929401',
      'x:1845152528066883989',
      'x:1841834132160077852',
    ]);
    const [editor] = composers.findComposers(doc);
    const c = composers.readComposer(editor!)!;
    expect(c.post).toMatchObject({
      key: 'x:1841842569182929401',
      author: { handle: 'jarvis_best', name: 'Jarvis' },
    });
    expect(c.text).toBe('');
    expect(c.submit?.getAttribute('data-testid')).toBe('tweetButtonInline');
    expect(c.submit?.hasAttribute('disabled')).toBe(true);
    expect(c.mountAfter.getAttribute('data-testid')).toBe('tweetTextarea_0_label');
    expect(c.region.getAttribute('data-testid')).toBe('cellInnerDiv');
    expect(composers.findComposers(doc)).toHaveLength(1);
    expect(composers.sendShortcut).toBe('mod-enter');
  });

  it('reads what is typed, line by line, from the editor or anything inside it', () => {
    const doc = page('status.html');
    const [editor] = composers.findComposers(doc);
    type(editor!, 'Sorry to hear that!', '', 'DM us your order number.');
    expect(composers.readComposer(editor!)!.text).toBe(
      'Sorry to hear that!\n\nDM us your order number.',
    );
    const inner = editor!.querySelector('[data-text="true"]')!;
    expect(composers.readComposer(inner)?.post.key).toBe('x:1841842569182929401');
  });

  it('reads the reply dialog opened from a timeline, and never takes “What’s happening?” for a reply', () => {
    const doc = page('reply-dialog.html');
    const editors = [...doc.querySelectorAll('[data-testid="tweetTextarea_0"]')];
    expect(editors).toHaveLength(2);
    const [home, dialog] = editors;
    expect(composers.readComposer(home!)).toBeNull();
    expect(composers.findComposers(doc)).toEqual([dialog]);
    const c = composers.readComposer(dialog!)!;
    expect(c.post.key).toBe('x:1843978367558885854');
    expect(c.submit?.getAttribute('data-testid')).toBe('tweetButton');
    expect(c.region.getAttribute('role')).toBe('dialog');
    // The timeline behind the dialog keeps its own badges; the dialog's copy is not one.
    expect(keys(doc)).toEqual(['x:1843978367558885854', 'x:1841911481241370703']);
  });

  it('takes no post for a dialog that writes a new post, or a quote (its post comes after the box)', () => {
    const doc = page('reply-dialog.html');
    const dialog = doc.querySelector('[role="dialog"]')!;
    const editor = dialog.querySelector('[data-testid="tweetTextarea_0"]')!;
    const article = dialog.querySelector('article[data-testid="tweet"]')!;
    article.remove();
    dialog.querySelector('[data-testid="toolBar"]')!.after(article); // quoted below the box
    expect(composers.readComposer(editor)).toBeNull();
    article.remove(); // the compose dialog of a new post
    expect(composers.readComposer(editor)).toBeNull();
    expect(composers.findComposers(doc)).toEqual([]);
  });

  it('reads nothing from a page whose markup changed', () => {
    const doc = page('status.html');
    const [editor] = composers.findComposers(doc);
    doc.querySelector('article[data-testid="tweet"] time')!.closest('a')!.removeAttribute('href');
    expect(composers.readComposer(editor!)).toBeNull();
    expect(composers.readComposer(doc.body)).toBeNull();
  });
});
