// An authority chain drawn as a path: rule → delegation → … → the person, each step with its limits and window.
import ArrowIcon from '@mui/icons-material/ArrowForward';
import { Box, Chip, Paper, Stack, Typography } from '@mui/material';
import { Fragment } from 'react';
import { Link, useTranslate } from 'react-admin';
import type { AuthorityChain, AuthorityLink } from '../providers/types';
import { useDate, useEnumLabel, useMoney } from './fields';
import { RecordName } from './RecordName';

function LinkCard({ link, index, highlighted }: { link: AuthorityLink; index: number; highlighted: boolean }) {
  const translate = useTranslate();
  const money = useMoney();
  const date = useDate();
  const point = useEnumLabel('DecisionPoint');
  const grade = useEnumLabel('ProjectGrade');
  const role = useEnumLabel('TriangleRole');
  const isRule = link.kind === 'RULE';
  const resource = isRule ? 'AuthorityRule' : 'Delegation';
  return (
    <Paper
      variant="outlined"
      component="li"
      data-testid="chain-link"
      aria-label={translate('chain.step', { n: index + 1 })}
      sx={{
        p: 1.5,
        minWidth: 220,
        // A rule with many decision points and grades wraps its chips rather than pushing the next step below it.
        maxWidth: 360,
        listStyle: 'none',
        borderColor: highlighted ? 'error.main' : isRule ? 'primary.main' : 'divider',
        borderWidth: highlighted ? 2 : 1,
      }}
    >
      <Typography variant="subtitle2" data-testid={isRule ? 'chain-rule-name' : 'chain-delegation-name'}>
        <Link to={`/${resource}/${link.id}/show`}>
          {isRule ? (
            <>
              {translate('chain.rule')}
              <RecordName resource="AuthorityRule" id={link.id} />
            </>
          ) : (
            <>
              {translate('chain.delegation')}
              <RecordName resource="Person" id={link.delegatorId} /> →{' '}
              <RecordName resource="Person" id={link.holderPersonId} />
            </>
          )}
        </Link>
      </Typography>
      {link.delegatorId && (
        <Typography variant="body2">
          {translate('chain.delegator')}: <RecordName resource="Person" id={link.delegatorId} />
        </Typography>
      )}
      <Typography variant="body2">
        {translate('chain.holder')}: <RecordName resource="Person" id={link.holderPersonId} />
      </Typography>
      <Stack
        direction="row"
        spacing={0.5}
        useFlexGap
        sx={{ my: 0.5, flexWrap: 'wrap' }}
        aria-label={translate('chain.points')}
      >
        {link.decisionPoints.map((p) => (
          <Chip key={p} size="small" label={point(p)} />
        ))}
        {link.grades.map((g) => (
          <Chip key={g} size="small" variant="outlined" label={grade(g)} />
        ))}
      </Stack>
      <Typography variant="body2">
        {translate('chain.scope')}: <RecordName resource="OrgUnit" id={link.scopeOrgUnitId} />
      </Typography>
      <Typography variant="body2">
        {translate('chain.limit')}: {link.limit ? money(link.limit, link.currency) : translate('app.unlimited')}
      </Typography>
      <Typography variant="body2">
        {translate('chain.window')}: {date(link.validFrom)} –{' '}
        {link.validTo ? date(link.validTo) : translate('app.open_ended')}
      </Typography>
      {link.requiredRole && (
        <Typography variant="body2">
          {translate('chain.requires', { role: role(link.requiredRole), level: link.requiredLevel ?? 1 })}
        </Typography>
      )}
    </Paper>
  );
}

export interface ChainViewProps {
  chain: AuthorityChain;
  /** The person the chain ends with (shown after the last link when it differs from the last holder). */
  personId?: string | null;
  /** A link to mark, e.g. the one a denial reason names. */
  highlightLinkId?: string | null;
}

export function ChainView({ chain, personId, highlightLinkId }: ChainViewProps) {
  const translate = useTranslate();
  if (!chain.links.length) return <Typography color="text.secondary">{translate('chain.empty')}</Typography>;
  const last = chain.links[chain.links.length - 1];
  const endPerson = personId ?? last?.holderPersonId;
  return (
    <Box
      component="ol"
      aria-label={translate('chain.title')}
      sx={{ display: 'flex', alignItems: 'center', flexWrap: 'wrap', gap: 1, p: 0, m: 0 }}
    >
      {chain.links.map((link, index) => (
        <Fragment key={`${link.kind}-${link.id}`}>
          {index > 0 && <ArrowIcon aria-hidden color="action" />}
          <LinkCard link={link} index={index} highlighted={highlightLinkId === link.id} />
        </Fragment>
      ))}
      {endPerson && endPerson !== last?.holderPersonId && (
        <>
          <ArrowIcon aria-hidden color="action" />
          <Chip component="li" color="success" label={<RecordName resource="Person" id={endPerson} />} />
        </>
      )}
    </Box>
  );
}
