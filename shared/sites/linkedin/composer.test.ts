import { describe, expect, it } from 'vitest';
import { linkedinAdapter } from './adapter.ts';
import { fixtureDocument, projectFixture } from '../../../tests/fixtures/fixture-document.ts';

const composers = linkedinAdapter.composers!;
const feed = () => fixtureDocument(projectFixture('linkedin/feed-comments.html'));

describe('LinkedIn comment boxes (legacy layout)', () => {
  it('finds the box under each update, not the one replying to a comment, and keeps the posts', () => {
    const doc = feed();
    expect(linkedinAdapter.findPosts(doc).map((el) => linkedinAdapter.readPost(el)?.key)).toEqual([
      'linkedin:urn:li:activity:7262000111222333444',
      'linkedin:urn:li:activity:7262000111222333555',
      'linkedin:urn:li:activity:7262000111222333666',
    ]);
    const found = composers.findComposers(doc).map((e) => composers.readComposer(e)!.post.key);
    expect(found).toEqual([
      'linkedin:urn:li:activity:7262000111222333444',
      'linkedin:urn:li:activity:7262000111222333555',
    ]);
    const replyToComment = doc.querySelector('[data-id^="urn:li:comment:"] .ql-editor')!;
    expect(replyToComment.getAttribute('data-placeholder')).toBe('Add a reply…');
    expect(composers.readComposer(replyToComment)).toBeNull();
    // Quill's clipboard is contenteditable too; it is not the box.
    expect(composers.readComposer(doc.querySelector('.ql-clipboard')!)).toBeNull();
  });

  it('reads an empty box (no submit button yet) and a draft (Quill paragraphs, the button shown)', () => {
    const [empty, draft] = composers.findComposers(feed()).map((e) => composers.readComposer(e)!);
    expect(empty).toMatchObject({ text: '', submit: null });
    expect(empty!.post.author).toEqual({ handle: 'priya-raman-77', name: 'Priya Raman' });
    expect(empty!.mountAfter.matches('.comments-comment-box--cr')).toBe(true);
    expect(draft!.text).toBe(
      'Hi Jon, yes: on-site training is included with Pro.\n\nWe guarantee a trainer within a week.',
    );
    expect(draft!.submit?.textContent?.trim()).toBe('Comment');
    expect(composers.sendShortcut).toBeNull();
  });

  it('reads nothing when the update around the box can no longer be read', () => {
    const doc = feed();
    const [editor] = composers.findComposers(doc);
    for (const el of doc.querySelectorAll('[data-urn], [data-id^="urn:li:activity"]'))
      el.removeAttribute(el.hasAttribute('data-urn') ? 'data-urn' : 'data-id');
    expect(composers.readComposer(editor!)).toBeNull();
  });
});
