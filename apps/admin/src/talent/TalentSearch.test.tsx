import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { Form } from 'react-admin';
import { useWatch } from 'react-hook-form';
import { fakeDataProvider, TestAdmin } from '../components/testing';
import type { QualifiedPage, QualifiedPerson, TalentQuestion } from '../providers/operations';
import { QualifiedSuggestions } from './QualifiedSuggestions';
import { TalentResults, useTalent } from './TalentResults';
import { toQuestion } from './TalentSearch';

/** 30 people at levels 5 down to 3; every third has a Latin name; the last one has no end of validity. */
const ALL: QualifiedPerson[] = Array.from({ length: 30 }, (_, i) => ({
  personId: `x${i}`,
  level: 5 - Math.floor(i / 10),
  validFrom: '2026-01-05T00:00:00.000Z',
  validUntil: i === 29 ? null : '2027-03-01T00:00:00.000Z',
  assessmentId: `a${i}`,
  cursor: `c${i}`,
  person: { id: `x${i}`, name: `王${i}`, latinName: i % 3 === 0 ? `Wang ${i}` : null },
}));

function pages(asked: Array<{ question: TalentQuestion; first: number; after?: string | null }>) {
  return async (question: TalentQuestion, first: number, after?: string | null): Promise<QualifiedPage> => {
    asked.push({ question, first, after });
    const from = after ? ALL.findIndex((p) => p.cursor === after) + 1 : 0;
    const items = ALL.filter((p) => p.level >= question.minLevel).slice(from, from + first);
    const total = ALL.filter((p) => p.level >= question.minLevel).length;
    return {
      items,
      totalCount: total,
      endCursor: items.at(-1)?.cursor ?? null,
      hasNextPage: from + items.length < total,
    };
  };
}

function Search({ question }: { question: TalentQuestion }) {
  const talent = useTalent();
  return (
    <>
      <button onClick={() => talent.ask(question)}>ask</button>
      {talent.answer && <TalentResults answer={talent.answer} loadingMore={talent.loadingMore} onMore={talent.more} />}
    </>
  );
}

describe('talent search', () => {
  test('the form values make the question: a moment as an instant, empty ones left out', () => {
    expect(toQuestion({ role: 'AR', minLevel: '3', at: '2026-03-01T00:00:00.000Z', orgUnitId: 'o1' })).toEqual({
      role: 'AR',
      minLevel: 3,
      at: '2026-03-01T00:00:00.000Z',
      orgUnitId: 'o1',
    });
    expect(toQuestion({ role: 'SR', minLevel: 1, at: '', orgUnitId: '' })).toEqual({
      role: 'SR',
      minLevel: 1,
      at: null,
      orgUnitId: null,
    });
  });

  test('by page: names as the reader reads them, level, validity, a link to the person; more appends', async () => {
    const asked: Array<{ question: TalentQuestion; first: number; after?: string | null }> = [];
    const dataProvider = { ...fakeDataProvider(), qualifiedPeoplePage: pages(asked) };
    render(
      <TestAdmin dataProvider={dataProvider}>
        <Search question={{ role: 'AR', minLevel: 3 }} />
      </TestAdmin>,
    );
    fireEvent.click(screen.getByText('ask'));
    await screen.findByText('30 people found (25 shown)');
    const rows = screen.getAllByRole('row').slice(1);
    expect(rows).toHaveLength(25);
    // English: the Latin name where there is one.
    expect(within(rows[0]!).getByRole('link').textContent).toBe('Wang 0');
    expect(within(rows[0]!).getByRole('link').getAttribute('href')).toContain('/Person/x0/show');
    expect(within(rows[1]!).getByRole('link').textContent).toBe('王1');
    expect(rows[0]!.textContent).toContain('Level 5');
    expect(rows[0]!.textContent).toContain('03/01/2027');
    expect(screen.queryByText(/x0|a0|c0/)).toBeNull();
    fireEvent.click(screen.getByText('More'));
    await screen.findByText('30 people found (30 shown)');
    expect(screen.getAllByRole('row')).toHaveLength(31);
    expect(screen.getAllByRole('row')[30]!.textContent).toContain('No end');
    expect(screen.queryByText('More')).toBeNull();
    expect(asked.map((a) => [a.first, a.after ?? null])).toEqual([
      [25, null],
      [25, 'c24'],
    ]);
  });

  test('in Chinese: the name as written, and the words', async () => {
    const dataProvider = { ...fakeDataProvider(), qualifiedPeoplePage: pages([]) };
    render(
      <TestAdmin dataProvider={dataProvider} locale="zh-CN">
        <Search question={{ role: 'AR', minLevel: 5 }} />
      </TestAdmin>,
    );
    fireEvent.click(screen.getByText('ask'));
    await screen.findByText('找到 10 人（显示 10 人）');
    const first = screen.getAllByRole('row')[1]!;
    expect(within(first).getByRole('link').textContent).toBe('王0');
    expect(first.textContent).toContain('5 级');
    expect(first.textContent).toContain('2027/03/01');
  });

  test('nobody found says so', async () => {
    const dataProvider = { ...fakeDataProvider(), qualifiedPeoplePage: pages([]) };
    render(
      <TestAdmin dataProvider={dataProvider}>
        <Search question={{ role: 'AR', minLevel: 6 }} />
      </TestAdmin>,
    );
    fireEvent.click(screen.getByText('ask'));
    await screen.findByText('Nobody holds this role at this level then.');
  });
});

function PersonValue() {
  return <span data-testid="person-value">{String(useWatch({ name: 'personId' }) ?? '')}</span>;
}

describe('qualified people in the team-appointment form', () => {
  test("the rule's minimum shown and prefilled; people at it suggested; picking one fills in the person", async () => {
    const asked: Array<{ question: TalentQuestion; first: number; after?: string | null }> = [];
    const minimum = jest.fn(async () => 4);
    const dataProvider = { ...fakeDataProvider(), qualifiedPeoplePage: pages(asked), staffingMinimumLevel: minimum };
    render(
      <TestAdmin dataProvider={dataProvider}>
        <Form
          defaultValues={{ projectId: 'pr1', role: 'AR', validFrom: '2026-03-01T00:00:00.000Z' }}
          onSubmit={() => undefined}
        >
          <QualifiedSuggestions />
          <PersonValue />
        </Form>
      </TestAdmin>,
    );
    await screen.findByText('The staffing rules require level 4 or higher for this role on this project.');
    expect(minimum).toHaveBeenCalledWith('pr1', 'AR', '2026-03-01T00:00:00.000Z');
    expect((screen.getByLabelText('Minimum level') as HTMLInputElement).value).toBe('4');
    await screen.findByText('20 qualified people (the first 10): pick one to appoint');
    expect(asked.at(-1)).toMatchObject({
      question: { role: 'AR', minLevel: 4, at: '2026-03-01T00:00:00.000Z' },
      first: 10,
    });
    fireEvent.click(screen.getByText('Wang 3 · level 5'));
    await waitFor(() => expect(screen.getByTestId('person-value').textContent).toBe('x3'));
    // A higher minimum asks again.
    fireEvent.change(screen.getByLabelText('Minimum level'), { target: { value: '5' } });
    await screen.findByText('10 qualified people (the first 10): pick one to appoint');
    expect(asked.at(-1)?.question.minLevel).toBe(5);
  });

  test('without a rule, it says so and starts from level 1', async () => {
    const dataProvider = {
      ...fakeDataProvider(),
      qualifiedPeoplePage: pages([]),
      staffingMinimumLevel: async () => null,
    };
    render(
      <TestAdmin dataProvider={dataProvider}>
        <Form defaultValues={{ projectId: 'pr1', role: 'SP' }} onSubmit={() => undefined}>
          <QualifiedSuggestions />
        </Form>
      </TestAdmin>,
    );
    await screen.findByText('No staffing rule requires a level for this role on this project.');
    expect((screen.getByLabelText('Minimum level') as HTMLInputElement).value).toBe('1');
  });

  test('nothing before a project and a role are picked', () => {
    const minimum = jest.fn(async () => 1);
    render(
      <TestAdmin dataProvider={{ ...fakeDataProvider(), staffingMinimumLevel: minimum }}>
        <Form defaultValues={{ role: 'AR' }} onSubmit={() => undefined}>
          <QualifiedSuggestions />
        </Form>
      </TestAdmin>,
    );
    expect(screen.queryByTestId('qualified-suggestions')).toBeNull();
    expect(minimum).not.toHaveBeenCalled();
  });
});
