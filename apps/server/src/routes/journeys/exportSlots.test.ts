import { describe, expect, it } from 'vitest';
import { ExportSlots } from './exportSupport.ts';

describe('ExportSlots', () => {
  it('runs at most two exports at once, queues the next, refuses past the queue, and frees its slots after failures', async () => {
    const slots = new ExportSlots(2, 2);
    let running = 0;
    let most = 0;
    const releases: (() => void)[] = [];
    const work = () =>
      slots.run(async () => {
        running++;
        most = Math.max(most, running);
        await new Promise<void>((resolve) => releases.push(resolve));
        running--;
      });
    const started = [work(), work(), work(), work()];
    await expect(work()).rejects.toMatchObject({ statusCode: 503 });
    for (let i = 0; i < 4; i++) {
      await expect.poll(() => releases.length).toBeGreaterThan(i);
      releases[i]!();
    }
    await Promise.all(started);
    expect(most).toBe(2);
    await expect(slots.run(async () => Promise.reject(new Error('broken')))).rejects.toThrow('broken');
    await expect(slots.run(async () => 'still free')).resolves.toBe('still free');
  });
});
