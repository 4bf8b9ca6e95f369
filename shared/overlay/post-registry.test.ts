import { describe, expect, it } from 'vitest';
import { createPostRegistry } from './post-registry.ts';
import { postRef } from '../../tests/fixtures/post-ref.ts';

const post = (id: string) => postRef(id);
// The registry only uses elements as map keys.
const el = () => ({}) as Element;

describe('post registry', () => {
  it('observes a key on its first element and unobserves it after its last', () => {
    const r = createPostRegistry();
    const [a, b] = [el(), el()];
    expect(r.set(a, post('1'))).toEqual({ observe: post('1'), unobserve: undefined });
    expect(r.set(b, post('1'))).toEqual({ observe: undefined, unobserve: undefined });
    expect(r.set(a, post('1'))).toEqual({});
    expect(r.delete(a)).toEqual({ unobserve: undefined });
    expect(r.delete(b)).toEqual({ unobserve: 'x:1' });
    expect(r.delete(b)).toEqual({});
  });

  it('moves a recycled element from its old post to its new one', () => {
    const r = createPostRegistry();
    const a = el();
    r.set(a, post('1'));
    expect(r.set(a, post('2'))).toEqual({ observe: post('2'), unobserve: 'x:1' });
    expect(r.posts()).toEqual([post('2')]);
  });

  it('lists each post once for a reconnect', () => {
    const r = createPostRegistry();
    r.set(el(), post('1'));
    r.set(el(), post('1'));
    r.set(el(), post('2'));
    expect(r.posts().map((p) => p.key)).toEqual(['x:1', 'x:2']);
  });
});
