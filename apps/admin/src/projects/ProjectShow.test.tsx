import { render, screen } from '@testing-library/react';
import { DataTable, ListContextProvider, ResourceContextProvider, useList } from 'react-admin';
import { TestAdmin } from '../components/testing';
import type { DecisionRecord } from '../providers/types';
import { DecisionChains } from './ProjectShow';

/** The Decisions tab's list: the table and the chains below it, over the same decisions. */
function DecisionsTab({ data }: { data: DecisionRecord[] }) {
  const list = useList({ data });
  return (
    <ResourceContextProvider value="Decision">
      <ListContextProvider value={list}>
        <DataTable bulkActionButtons={false}>
          <DataTable.Col source="decisionPoint" />
        </DataTable>
        <DecisionChains />
      </ListContextProvider>
    </ResourceContextProvider>
  );
}

describe("the project's Decisions tab", () => {
  it('says once that there are no decisions (issue #16 item 7: not two empty states at once)', async () => {
    render(
      <TestAdmin>
        <DecisionsTab data={[]} />
      </TestAdmin>,
    );
    await screen.findByText(/^No .+ found$/);
    expect(screen.getAllByText(/^No .+ found$|Nothing to show/)).toHaveLength(1);
  });
});
