import { describe, expect, it } from 'vitest';
import { findJsonSyntaxError } from './jsonSyntaxError.ts';

describe('findJsonSyntaxError', () => {
  it('accepts what JSON.parse accepts', () => {
    for (const text of ['{}', '[]', ' {"a": [1, -2.5e3, true, null, "x\\"y"]} ', '"s"', '0']) {
      expect(() => JSON.parse(text)).not.toThrow();
      expect(findJsonSyntaxError(text)).toBeNull();
    }
  });

  it('names the line and column of the first error', () => {
    expect(findJsonSyntaxError('{\n  "schemaVersion": 3,\n  "journey": \n}')).toEqual({
      line: 4,
      column: 1,
      message: 'unexpected "}" where a value should be',
    });
    expect(findJsonSyntaxError('{"a": 1,}')).toMatchObject({ line: 1, column: 9, message: 'expected a property name in double quotes' });
    expect(findJsonSyntaxError('[1 2]')).toMatchObject({ line: 1, column: 4 });
    expect(findJsonSyntaxError('{"a": "open')).toMatchObject({ message: 'a string is not closed' });
    expect(findJsonSyntaxError('{} x')).toMatchObject({ column: 4, message: 'unexpected text after the end of the JSON value' });
  });
});
