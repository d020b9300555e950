import { render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { TestAdmin } from '../components/testing';
import { en } from '../i18n/en';
import { zhCN } from '../i18n/zh-CN';
import { Glossary } from './Glossary';
import { GlossaryHelp } from './GlossaryHelp';
import { GLOSSARY_TERMS } from './terms';

const REQUIRED = [
  'ATI',
  'ATB',
  'ATC',
  'ATAC',
  'ATCC',
  'LTC',
  'AR',
  'SR',
  'FR',
  'FIVE_P',
  'HEROS',
  'AR_CODES',
  'DELEGABLE_DEPTH',
  'ATTAINMENT_GATE',
  'DECISION_BODY',
  'QUORUM',
  'SPONSOR',
  'GRADE_I',
  'GRADE_II',
  'GRADE_III',
  'POOL_DRAFT',
  'POOL_FUNDED',
  'POOL_ALLOCATED',
  'POOL_APPROVED',
  'POOL_LOCKED',
  // Issue #17: lead classes and grades, the power map and its attitude scale.
  'LEAD_INITIAL',
  'LEAD_CREDIBLE',
  'LEAD_OPPORTUNITY',
  'LEAD_GRADES',
  'POWER_MAP',
  'ATTITUDE_SCALE',
];

describe('Glossary', () => {
  it('lists every term the issue asks for', () => {
    expect(REQUIRED.filter((t) => !(GLOSSARY_TERMS as readonly string[]).includes(t))).toEqual([]);
  });

  it.each([
    ['en', en],
    ['zh-CN', zhCN],
  ] as const)('renders every term with its meaning in %s', async (locale, messages) => {
    render(
      <MemoryRouter>
        <TestAdmin locale={locale}>
          <Glossary />
        </TestAdmin>
      </MemoryRouter>,
    );
    await screen.findByTestId(`term-${GLOSSARY_TERMS[0]}`);
    for (const term of GLOSSARY_TERMS) {
      const entry = screen.getByTestId(`term-${term}`);
      const words = messages.glossary.terms[term];
      expect(within(entry).getByRole('term').textContent).toBe(words.term);
      expect(within(entry).getByRole('definition').textContent).toBe(words.meaning);
      expect(words.meaning).not.toMatch(/glossary\./);
    }
    expect(screen.getByText(messages.glossary.sections.pools)).toBeTruthy();
  });

  it('keeps the Chinese words apart from the English ones', () => {
    const same = GLOSSARY_TERMS.filter((t) => en.glossary.terms[t].meaning === zhCN.glossary.terms[t].meaning);
    expect(same).toEqual([]);
  });
});

describe('GlossaryHelp', () => {
  it('explains a field and links to its term', async () => {
    render(
      <MemoryRouter>
        <TestAdmin locale="zh-CN">
          <GlossaryHelp text="glossary.help.quorum" term="QUORUM" />
        </TestAdmin>
      </MemoryRouter>,
    );
    const help = await screen.findByTestId('glossary-help');
    expect(help.textContent).toContain(zhCN.glossary.help.quorum);
    expect(within(help).getByRole('link', { name: '这是什么？' }).getAttribute('href')).toBe('/glossary#QUORUM');
  });
});
