import { describe, expect, it } from 'vitest';
import { xAdapter } from './adapter.ts';
import {
  capturedX,
  fixtureDocument,
  projectFixture,
} from '../../../tests/fixtures/fixture-document.ts';

const inColumn = (html: string) =>
  `<html><body><div data-testid="primaryColumn">${html}</div></body></html>`;
const capture = (file: string) => fixtureDocument(capturedX(file), inColumn);
const read = (doc: Document) => xAdapter.findPosts(doc).map((el) => xAdapter.readPost(el));

describe('X adapter on real captured markup', () => {
  it('reads a plain post: status id, handle, name, text, time, permalink', () => {
    expect(read(capture('tweet.html'))).toEqual([
      {
        key: 'x:1841842569182929401',
        platform: 'x',
        nativeId: '1841842569182929401',
        url: 'https://x.com/jarvis_best/status/1841842569182929401',
        author: { handle: 'jarvis_best', name: 'Jarvis' },
        text: 'I gotta get my act together you guys',
        postedAt: '2024-10-03T14:07:42.000Z',
      },
    ]);
  });

  it('takes the quoting post’s own time and id, not the quoted one’s', () => {
    const [post] = read(capture('tweet_with_qt.html'));
    expect(post?.key).toBe('x:1841911481241370703');
    expect(post?.postedAt).toBe('2024-10-03T18:41:32.000Z');
    expect(post?.author.handle).toBe('tenobrus');
  });

  it('reads posts with images, cards only, and as clicked into from a timeline', () => {
    expect(read(capture('tweet_with_image.html'))[0]?.key).toBe('x:1841834132160077852');
    const card = read(capture('tweet_with_card_only.html'))[0];
    expect(card).toMatchObject({ key: 'x:1843978367558885854', text: '' });
    expect(read(capture('click_in_to_tweet.html'))[0]).toMatchObject({
      key: 'x:1845152528066883989',
      author: { handle: 'caesararum', name: 'caesararum, BS, DOGS' },
    });
  });

  it('never takes a promoted post for a post', () => {
    const doc = capture('promoted_ad.html');
    expect(xAdapter.findPosts(doc)).toEqual([]);
    expect(xAdapter.readPost(doc.querySelector('article')!)).toBeNull();
  });

  it('mounts on the action bar', () => {
    const doc = capture('tweet.html');
    const bar = xAdapter.mountPoint(xAdapter.findPosts(doc)[0]!);
    expect(bar.getAttribute('role')).toBe('group');
    expect(bar.querySelector('[data-testid="like"]')).not.toBeNull();
  });
});

describe('X adapter on a home timeline', () => {
  const doc = () => fixtureDocument(projectFixture('x/home.html'));

  it('finds each post once, skipping the ad and the DM drawer', () => {
    expect(read(doc()).map((p) => p?.key)).toEqual([
      'x:1841842569182929401',
      'x:1841911481241370703',
      'x:1841834132160077852',
      'x:1841834132160077999',
      'x:1843978367558885854',
      'x:1841842569182930001',
      'x:1845152528066883989',
      'x:1841842569182930002',
    ]);
  });

  it('keys a repost by the original post and its author', () => {
    const repost = read(doc()).find((p) => p?.key === 'x:1841834132160077999');
    expect(repost?.author.handle).toBe('thechosenberg');
  });

  it('gives the same key whatever the position, classes or generated ids', () => {
    const d = doc();
    const first = xAdapter.findPosts(d)[0]!;
    const copy = first.cloneNode(true) as Element;
    copy.querySelectorAll('[class]').forEach((e) => e.setAttribute('class', 'r-changed'));
    copy.setAttribute('aria-labelledby', 'id__other');
    d.querySelector('[data-testid="cellInnerDiv"]:last-of-type')!.append(copy);
    expect(xAdapter.readPost(copy)).toEqual(xAdapter.readPost(first));
  });

  it('leaves a post whose markup changed alone instead of throwing', () => {
    const el = xAdapter.findPosts(doc())[0]!;
    el.querySelectorAll('time').forEach((t) => t.remove());
    expect(xAdapter.readPost(el)).toBeNull();
  });
});
