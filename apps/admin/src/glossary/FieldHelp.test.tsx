// The forms whose fields use the method's words explain them, with a link to the glossary.
import { render, screen } from '@testing-library/react';
import type { ComponentType } from 'react';
import { ResourceContextProvider, SimpleForm } from 'react-admin';
import { MemoryRouter } from 'react-router';
import { AuthorityRuleInputs } from '../authorityRules/AuthorityRuleInputs';
import { fakeDataProvider, TestAdmin } from '../components/testing';
import { DecisionBodyInputs } from '../decisionBodies/DecisionBodyInputs';
import { DelegationInputs } from '../delegations/DelegationInputs';
import { IncentivePoolInputs } from '../pools/IncentivePoolInputs';

async function helpLinks(resource: string, Inputs: ComponentType, record: Record<string, unknown> = {}) {
  const dataProvider = fakeDataProvider({ getList: async () => ({ data: [], total: 0 }) });
  render(
    <MemoryRouter>
      <TestAdmin dataProvider={dataProvider}>
        <ResourceContextProvider value={resource}>
          <SimpleForm record={record} onSubmit={() => undefined} toolbar={false}>
            <Inputs />
          </SimpleForm>
        </ResourceContextProvider>
      </TestAdmin>
    </MemoryRouter>,
  );
  const helps = await screen.findAllByTestId('glossary-help');
  return helps.map((h) => [h.textContent, h.querySelector('a')?.getAttribute('href') ?? null]);
}

describe('glossary help on form fields', () => {
  it('explains delegable depth, decision points and grades on authority rules', async () => {
    expect(await helpLinks('AuthorityRule', AuthorityRuleInputs)).toEqual([
      [expect.stringContaining('ATI initiate'), '/glossary#ATI'],
      [expect.stringContaining('Grade I and II projects are decided by a decision team'), '/glossary#GRADE_I'],
      [expect.stringContaining('How many times this authority may be handed down again'), '/glossary#DELEGABLE_DEPTH'],
    ]);
  });

  it('explains the delegate’s depth on delegations', async () => {
    const links = await helpLinks('Delegation', DelegationInputs, { sourceKind: 'RULE' });
    expect(links).toContainEqual([
      expect.stringContaining('How many times the delegate may hand it on'),
      '/glossary#DELEGABLE_DEPTH',
    ]);
  });

  it('explains the attainment gate, acceleration and cap on pools', async () => {
    expect(await helpLinks('IncentivePool', IncentivePoolInputs)).toEqual([
      [expect.stringContaining('Below this share of the target nothing is funded'), '/glossary#ATTAINMENT_GATE'],
      [expect.stringContaining('never exceeds this multiple'), null],
      [expect.stringContaining('above 100% attainment'), null],
    ]);
  });

  it('explains the quorum and the grade on decision bodies', async () => {
    const links = await helpLinks('DecisionBody', DecisionBodyInputs);
    expect(links.slice(0, 2)).toEqual([
      [expect.stringContaining('All fixed seats must approve, or a majority'), '/glossary#QUORUM'],
      [expect.stringContaining('The project grade this body decides on'), '/glossary#GRADE_I'],
    ]);
  });
});
