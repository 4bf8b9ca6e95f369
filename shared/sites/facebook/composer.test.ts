import { describe, expect, it } from 'vitest';
import { facebookAdapter } from './adapter.ts';
import { fixtureDocument, projectFixture } from '../../../tests/fixtures/fixture-document.ts';

const composers = facebookAdapter.composers!;
const feed = () => fixtureDocument(projectFixture('facebook/feed-comments.html'));

describe('Facebook comment boxes (Lexical)', () => {
  it('finds the box under each post, as a person or as a page, never a reply under a comment', () => {
    const doc = feed();
    expect(facebookAdapter.findPosts(doc).map((el) => facebookAdapter.readPost(el)?.key)).toEqual([
      'facebook:pfbid02xYz7Q9kLmNoPqRsTuVwXyZaBcDeFgHiJkLmNoPqRsTuVwXyZ1l',
      'facebook:122145678901234567',
      'facebook:785512345678901',
    ]);
    const boxes = composers.findComposers(doc).map((e) => composers.readComposer(e)!);
    expect(boxes.map((c) => [c.post.key, c.editor.getAttribute('aria-label')])).toEqual([
      ['facebook:122145678901234567', 'Comment as Acme Outdoor Gear'],
      ['facebook:785512345678901', 'Write a comment…'],
    ]);
    const reply = doc.querySelector('[role="article"] [contenteditable="true"]')!;
    expect(reply.getAttribute('aria-label')).toBe('Reply to Lena Fox');
    expect(composers.readComposer(reply)).toBeNull();
  });

  it('reads the draft’s paragraphs and the send button shown once there is text', () => {
    const [draft, empty] = composers.findComposers(feed()).map((e) => composers.readComposer(e)!);
    expect(draft!.text).toBe('Sorry about the zip, Nina!\nWe guarantee a free replacement.');
    expect(draft!.submit?.getAttribute('id')).toBe('focused-state-composer-submit');
    expect(draft!.mountAfter.tagName).toBe('FORM');
    // The placeholder is drawn beside the editor, not in it.
    expect(empty).toMatchObject({ text: '', submit: null });
    expect(composers.sendShortcut).toBe('enter');
  });

  it('takes even a box labelled like a post’s as a comment’s when it sits inside a comment', () => {
    const doc = feed();
    const reply = doc.querySelector('[role="article"] [contenteditable="true"]')!;
    reply.setAttribute('aria-label', 'Write a comment…');
    expect(composers.readComposer(reply)).toBeNull();
    expect(composers.findComposers(doc)).toHaveLength(2);
  });
});
