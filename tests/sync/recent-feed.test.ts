import { describe, expect, it } from 'vitest';
import { RecentFeedEntries } from '#hub/sync/recent-feed.ts';

describe('the feed entries a hub process keeps in memory', () => {
  it('keeps the newest within its budget, by clinic, and hands out bytes', () => {
    const recent = new RecentFeedEntries(16, 10);
    recent.add('k1', 'A', '{"a":1}');
    recent.add('k0', 'A', '[]');
    recent.add('k2', 'B', Buffer.from('{"b":1}'));
    expect(recent.keysOf('A')).toEqual(['k1', 'k0']);
    expect(recent.keysOf('B')).toEqual(['k2']);
    // Twenty-one bytes against a budget of sixteen: the oldest goes.
    recent.add('k3', 'B', '[1,2]');
    expect(recent.keysOf('A')).toEqual(['k0']);
    expect(recent.keysOf('B')).toEqual(['k2', 'k3']);
    expect(recent.bytesOf('k1')).toBeUndefined();
    expect(recent.bytesOf('k2')?.toString('utf8')).toBe('{"b":1}');
  });

  it('encodes text once, when first sent, and counts its bytes', () => {
    const recent = new RecentFeedEntries(100, 10);
    recent.add('k1', 'A', '{"name":"Zoë"}');
    const bytes = recent.bytesOf('k1');
    expect(bytes).toBeInstanceOf(Buffer);
    expect(bytes?.toString('utf8')).toBe('{"name":"Zoë"}');
    expect(recent.bytesOf('k1')).toBe(bytes);
  });

  it('holds no more entries than it may, however small, so a pull sends few keys', () => {
    const recent = new RecentFeedEntries(1024, 3);
    for (const key of ['k1', 'k2', 'k3', 'k4', 'k5']) recent.add(key, 'A', '[1]');
    expect(recent.keysOf('A')).toEqual(['k3', 'k4', 'k5']);
  });

  it('takes nothing larger than its budget, and an entry once', () => {
    const recent = new RecentFeedEntries(4, 10);
    recent.add('big', 'A', '{"a":1}');
    expect(recent.keysOf('A')).toEqual([]);
    recent.add('k', 'A', '[1]');
    recent.add('k', 'A', '[22]');
    expect(recent.bytesOf('k')?.toString('utf8')).toBe('[1]');
  });
});
