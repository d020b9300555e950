// Authority rules as a matrix: decision point (rows) × project grade (columns); each cell lists who holds it,
// over which scope and up to which amount.
import { Box, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { Link, useGetList, useTranslate } from 'react-admin';
import { useEnumLabel, useMoney } from '../components/fields';
import { RecordName } from '../components/RecordName';
import { DECISION_POINTS, GRADES } from '../providers/types';

interface Rule {
  id: string;
  name: string;
  holderKind: string;
  holderTitle?: string | null;
  holderOrgUnitId?: string | null;
  decisionBodyId?: string | null;
  holderRole?: string | null;
  decisionPoints: string[];
  grades: string[];
  scopeOrgUnitId: string;
  limit?: string | null;
  currency: string;
}

function Holder({ rule }: { rule: Rule }) {
  const title = useEnumLabel('PositionTitle');
  const role = useEnumLabel('TriangleRole');
  if (rule.holderKind === 'DECISION_BODY') return <RecordName resource="DecisionBody" id={rule.decisionBodyId} />;
  if (rule.holderKind === 'PROJECT_ROLE') return <>{role(rule.holderRole)}</>;
  return (
    <>
      {title(rule.holderTitle)} (<RecordName resource="OrgUnit" id={rule.holderOrgUnitId} />)
    </>
  );
}

export function AuthorityMatrix() {
  const translate = useTranslate();
  const point = useEnumLabel('DecisionPoint');
  const grade = useEnumLabel('ProjectGrade');
  const money = useMoney();
  const { data = [], isPending } = useGetList<Rule>('AuthorityRule', {
    pagination: { page: 1, perPage: 500 },
    sort: { field: 'id', order: 'ASC' },
  });
  if (isPending) return <Typography sx={{ p: 2 }}>{translate('app.loading')}</Typography>;
  return (
    <Box sx={{ overflowX: 'auto', p: 1 }} data-testid="authority-matrix">
      <Typography variant="h6" sx={{ px: 1 }}>
        {translate('resources.AuthorityRule.matrix')}
      </Typography>
      <Table size="small" aria-label={translate('resources.AuthorityRule.matrix')}>
        <TableHead>
          <TableRow>
            <TableCell>{translate('resources.AuthorityRule.fields.decisionPoints')}</TableCell>
            {GRADES.map((g) => (
              <TableCell key={g}>{grade(g)}</TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {DECISION_POINTS.map((p) => (
            <TableRow key={p}>
              <TableCell sx={{ fontWeight: 'bold', whiteSpace: 'nowrap' }}>{point(p)}</TableCell>
              {GRADES.map((g) => {
                const rules = data.filter((r) => r.decisionPoints?.includes(p) && r.grades?.includes(g));
                return (
                  <TableCell key={g} sx={{ verticalAlign: 'top' }}>
                    {rules.length === 0
                      ? '—'
                      : rules.map((r) => (
                          <Box key={r.id} sx={{ mb: 0.5 }}>
                            <Link to={`/AuthorityRule/${r.id}/show`}>
                              <Holder rule={r} />
                            </Link>
                            <Typography variant="caption" component="div" color="text.secondary">
                              {translate('chain.scope')}: <RecordName resource="OrgUnit" id={r.scopeOrgUnitId} /> ·{' '}
                              {translate('chain.limit')}:{' '}
                              {r.limit ? money(r.limit, r.currency) : translate('app.unlimited')}
                            </Typography>
                          </Box>
                        ))}
                  </TableCell>
                );
              })}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  );
}
