import { personDisplayName } from './personName';

describe('personDisplayName', () => {
  const wang = { name: '王伟', latinName: 'Wang Wei' };
  it('reads the characters in Chinese and the pinyin in English', () => {
    expect(personDisplayName(wang, 'zh-CN')).toBe('王伟');
    expect(personDisplayName(wang, 'en')).toBe('Wang Wei');
  });
  it('falls back to whichever name the person has', () => {
    expect(personDisplayName({ name: 'Li Na', latinName: null }, 'en')).toBe('Li Na');
    expect(personDisplayName({ name: '', latinName: 'Li Na' }, 'zh-CN')).toBe('Li Na');
    expect(personDisplayName(undefined, 'en')).toBe('');
  });
});
