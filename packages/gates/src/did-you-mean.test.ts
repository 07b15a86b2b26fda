import { didYouMean, editDistance } from './did-you-mean';

describe('editDistance', () => {
  it('counts an adjacent transposition as one edit', () => {
    expect(editDistance('enable-api-feilds', 'enable-api-fields')).toBe(1);
  });
  it('counts insertions and deletions', () => {
    expect(editDistance('enable-param-enums', 'enable-param-enum')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('same', 'same')).toBe(0);
  });
});

describe('didYouMean', () => {
  const keys = ['enable-api-fields', 'enable-param-enum', 'keep-pod-on-cancel', 'coschedule'];
  it('suggests the nearest known key', () => {
    expect(didYouMean('enable-param-enums', keys)).toBe('enable-param-enum');
    expect(didYouMean('keep-pod-enabled-cancel', keys)).toBe('keep-pod-on-cancel');
    expect(didYouMean('Enable-API-Fields', keys)).toBe('enable-api-fields');
  });
  it('suggests nothing for a word far from every key', () => {
    expect(didYouMean('totally-unrelated', keys)).toBeUndefined();
  });
});
