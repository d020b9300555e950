// A person referenced by a record, by name; never a blank cell. A person the reader may not see (outside their units:
// the API answers no record) is said to be so, and no person at all reads "—".
import { Typography } from '@mui/material';
import { ReferenceField, useRecordContext, useTranslate, type ReferenceFieldProps } from 'react-admin';

function NoPerson({ id }: { id: unknown }) {
  const translate = useTranslate();
  return (
    <Typography component="span" variant="body2" data-testid="person-not-shown">
      {id === null || id === undefined || id === '' ? translate('app.none') : translate('h16review.outside_person')}
    </Typography>
  );
}

export function PersonReferenceField(props: Omit<ReferenceFieldProps, 'reference' | 'empty' | 'emptyText'>) {
  // (The empty element renders inside the reference's own context: the id is read here, from the referring record.)
  const record = useRecordContext(props);
  return <ReferenceField {...props} reference="Person" empty={<NoPerson id={record?.[props.source]} />} />;
}
