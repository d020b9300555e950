import { render, screen, waitFor } from '@testing-library/react';
import { RecordContextProvider } from 'react-admin';
import { PersonReferenceField } from './PersonReferenceField';
import { fakeDataProvider, PEOPLE, TestAdmin } from './testing';

// The API answers only the people a reader may see (a leader: their own units): the others are not in the answer.
const dataProvider = fakeDataProvider({
  getMany: async (_resource, { ids }) => ({
    data: ids.filter((id) => PEOPLE[String(id)]).map((id) => PEOPLE[String(id)]) as never,
  }),
});

function renderDecider(deciderId: string | null, locale: 'en' | 'zh-CN' = 'zh-CN') {
  return render(
    <TestAdmin locale={locale} dataProvider={dataProvider}>
      <RecordContextProvider value={{ id: 'd1', deciderId }}>
        <span data-testid="cell">
          <PersonReferenceField source="deciderId" link={false} />
        </span>
      </RecordContextProvider>
    </TestAdmin>,
  );
}

describe('a referenced person, never a blank cell', () => {
  it('names a person the reader may see', async () => {
    renderDecider('p2');
    await waitFor(() => expect(screen.getByTestId('cell').textContent).toBe('Li Na'));
  });

  it('says a decider outside the reader’s units is so (the leader’s decisions list), in both languages', async () => {
    renderDecider('p99');
    await waitFor(() => expect(screen.getByTestId('cell').textContent).toBe('所辖范围外的人员'));
  });

  it('reads "—" when there is no person', async () => {
    renderDecider(null, 'en');
    await waitFor(() => expect(screen.getByTestId('cell').textContent).toBe('—'));
  });
});
