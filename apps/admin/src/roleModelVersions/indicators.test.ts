import { indicatorsToText, textToIndicators } from './indicators';

describe('indicators as text', () => {
  it('round-trips code, English and Chinese', () => {
    const indicators = [{ code: 'SPD1', name: { en: 'Set sales targets', 'zh-CN': '制定销售目标' } }];
    expect(textToIndicators(indicatorsToText(indicators))).toEqual(indicators);
  });
  it('accepts a plain line and numbers it', () => {
    expect(textToIndicators('Build the team\n\n')).toEqual([
      { code: 'B1', name: { en: 'Build the team', 'zh-CN': 'Build the team' } },
    ]);
  });
  it('fills a missing language from the other', () => {
    expect(textToIndicators('X | | 建立团队')).toEqual([{ code: 'X', name: { en: '建立团队', 'zh-CN': '建立团队' } }]);
  });
});
