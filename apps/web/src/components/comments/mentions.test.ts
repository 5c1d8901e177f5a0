import { describe, expect, it } from 'vitest';
import { insertMention, mentionQueryAt, splitMentions } from './mentions.ts';

describe('mentions', () => {
  it('finds the name being typed after an @ and puts the chosen name in its place', () => {
    expect(mentionQueryAt('Vraag aan @Br', 13)).toEqual({ start: 10, query: 'Br' });
    expect(mentionQueryAt('mail@example', 12)).toBeNull();
    expect(insertMention('Vraag aan @Br!', 10, 13, 'Bram de Vries')).toEqual({ text: 'Vraag aan @Bram de Vries !', caret: 25 });
  });

  it('cuts the text for highlighting', () => {
    expect(splitMentions('Hoi @Bram!', ['Bram'])).toEqual([
      { text: 'Hoi ', mention: false },
      { text: '@Bram', mention: true },
      { text: '!', mention: false },
    ]);
  });
});
