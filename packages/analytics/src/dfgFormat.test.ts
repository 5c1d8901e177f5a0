import { describe, expect, it } from 'vitest';
import { parseDfg } from './dfgFormat.ts';

describe('parseDfg', () => {
  it('reads activities, start and end counts and edges by index', () => {
    expect(parseDfg('2\nintake\nbesluit\n1\n0x5\n1\n1x5\n0>1x4\n1>1x2\n')).toEqual({
      activities: ['intake', 'besluit'],
      startActivities: { intake: 5 },
      endActivities: { besluit: 5 },
      edges: [
        { from: 'intake', to: 'besluit', count: 4 },
        { from: 'besluit', to: 'besluit', count: 2 },
      ],
    });
  });

  it('names the line of a malformed entry', () => {
    expect(() => parseDfg('1\na\n1\n0x1\n0\n0-0x1\n')).toThrow(/\.dfg line 6: expected from>to x count/);
    expect(() => parseDfg('1\na\n1\n3x1\n')).toThrow(/no activity 3/);
  });
});
