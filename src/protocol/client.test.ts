import { describe, expect, it } from 'vitest';
import { backgroundClient } from './client.ts';

describe('the background client', () => {
  it('answers each request with its own answer, and turns a refusal into an error on call', async () => {
    const sent: unknown[] = [];
    const client = backgroundClient(async (message) => {
      sent.push(message);
      const type = (message as { type: string }).type;
      return type === 'listTags'
        ? { ok: true, tags: [{ tag: 'troops', count: 2 }] }
        : { ok: false, error: 'settings change only from extension pages' };
    });
    const tags = await client.call({ type: 'listTags' });
    expect(tags.tags[0].tag).toBe('troops');
    const refused = await client.ask({ type: 'setSettings', settings: { threshold: 0.4 } });
    expect(refused).toEqual({ ok: false, error: 'settings change only from extension pages' });
    await expect(client.call({ type: 'setSettings', settings: { threshold: 0.4 } })).rejects.toThrow(
      'settings change only from extension pages',
    );
    expect(sent).toHaveLength(3);
  });
});
