import { Admin, Resource, ListGuesser } from 'react-admin';
import buildGraphQLProvider from 'ra-data-graphql-simple';

const dataProvider = buildGraphQLProvider({ clientOptions: { uri: '/graphql' } });

export function App() {
  return (
    <Admin dataProvider={dataProvider} disableTelemetry title="Iron Triangle">
      <Resource name="OrgUnit" list={ListGuesser} />
    </Admin>
  );
}
