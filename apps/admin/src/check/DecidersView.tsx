// "Who may decide?", a page at a time (whoMayDecidePage): direct holders first, then by name; the total count, and
// the next page on demand, for the same case.
import { Box, Button, Chip, Stack, Typography } from '@mui/material';
import { useRef, useState } from 'react';
import { useDataProvider, useTranslate } from 'react-admin';
import { ChainView } from '../components/ChainView';
import { RecordName, useRecordName } from '../components/RecordName';
import { AnswerBasisView, distinctCorrections } from '../history/AsOf';
import type { CaseInput, Operations } from '../providers/operations';
import type { BodyCoverage, Decider, DeciderPage } from '../providers/types';

/** Deciders per page. */
export const DECIDERS_PAGE = 20;

export interface DecidersAnswer extends DeciderPage {
  /** The case asked about: every page is asked for it. */
  input: CaseInput;
  /** What the answer knew: the moment chosen, or when it was asked. */
  asKnownAt: string;
}

/** The bodies of every page loaded, each once. */
function mergeBodies(known: readonly BodyCoverage[], more: readonly BodyCoverage[]): BodyCoverage[] {
  const byRule = new Map(known.map((b) => [String(b.ruleId), b]));
  for (const b of more) if (!byRule.has(String(b.ruleId))) byRule.set(String(b.ruleId), b);
  return [...byRule.values()];
}

/** Asks for the first page of a case; `more` appends the next one. */
export function useDeciders() {
  const dataProvider = useDataProvider() as unknown as Operations;
  const [answer, setAnswer] = useState<DecidersAnswer | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  // The question being answered: a page that arrives for an earlier one is dropped.
  const asked = useRef(0);

  const ask = async (input: CaseInput, asKnownAt: string) => {
    const question = ++asked.current;
    setError(null);
    setAnswer(null);
    setLoadingMore(false);
    try {
      const page = await dataProvider.whoMayDecidePage(input, DECIDERS_PAGE);
      if (question === asked.current) setAnswer({ ...page, input, asKnownAt });
    } catch (caught) {
      if (question === asked.current) setError(caught);
    }
  };

  const more = async () => {
    if (!answer?.hasNextPage || loadingMore) return;
    const question = asked.current;
    setLoadingMore(true);
    try {
      const page = await dataProvider.whoMayDecidePage(answer.input, DECIDERS_PAGE, answer.endCursor);
      if (question !== asked.current) return;
      setAnswer(
        (current) =>
          current && {
            ...current,
            // A decider already shown (the answer moved between the pages) is not shown twice.
            items: [
              ...current.items,
              ...page.items.filter((d) => !current.items.some((c) => c.personId === d.personId)),
            ],
            totalCount: page.totalCount,
            endCursor: page.endCursor,
            hasNextPage: page.hasNextPage,
            bodies: mergeBodies(current.bodies, page.bodies),
          },
      );
    } catch (caught) {
      if (question === asked.current) setError(caught);
    } finally {
      if (question === asked.current) setLoadingMore(false);
    }
  };

  return { answer, error, loadingMore, ask, more };
}

/** A decider who acts only as a body's seat: whether that body's quorum can be reached. */
function QuorumNote({ decider, bodies }: { decider: Decider; bodies: readonly BodyCoverage[] }) {
  const translate = useTranslate();
  const bodyId = decider.chains.find((c) => c.body)?.body?.bodyId;
  const coverage = bodies.find((b) => String(b.bodyId) === String(bodyId));
  const { text: body } = useRecordName('DecisionBody', bodyId);
  return (
    <Typography variant="body2" color="warning.dark" data-testid="decider-quorum">
      {coverage
        ? translate(coverage.quorumReachable ? 'check.quorum_reachable' : 'check.quorum_unreachable', { body })
        : translate('check.quorum')}
    </Typography>
  );
}

function DeciderEntry({ decider, bodies }: { decider: Decider; bodies: readonly BodyCoverage[] }) {
  const translate = useTranslate();
  const person = decider.person;
  return (
    <Box sx={{ my: 1.5 }} data-testid="decider">
      <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap', mb: 0.5 }}>
        <Typography variant="subtitle1" data-testid="decider-name">
          {person ? person.name : <RecordName resource="Person" id={decider.personId} />}
        </Typography>
        {person?.employeeNo && (
          <Typography variant="body2" color="text.secondary">
            {person.employeeNo}
          </Typography>
        )}
        <Chip
          size="small"
          color={decider.direct ? 'primary' : 'default'}
          variant={decider.direct ? 'filled' : 'outlined'}
          label={translate(decider.direct ? 'check.direct' : 'check.delegated')}
          data-testid={decider.direct ? 'decider-direct' : 'decider-delegated'}
        />
      </Stack>
      {decider.quorumRequired && <QuorumNote decider={decider} bodies={bodies} />}
      <Stack spacing={1}>
        {decider.chains.map((c, i) => (
          <ChainView key={i} chain={c} personId={decider.personId} />
        ))}
      </Stack>
    </Box>
  );
}

export function DecidersView({
  answer,
  loadingMore = false,
  onMore,
}: {
  answer: DecidersAnswer;
  loadingMore?: boolean;
  onMore: () => void;
}) {
  const translate = useTranslate();
  const shown = answer.items.length;
  const total = answer.totalCount;
  const count =
    total === 0
      ? translate('check.nobody')
      : shown < total
        ? translate('check.deciders_page', { shown, total })
        : translate('check.deciders', { count: total });
  return (
    <Box sx={{ mt: 2 }} data-testid="deciders">
      <AnswerBasisView
        basis={{
          revision: answer.items[0]?.revision,
          asKnownAt: answer.asKnownAt,
          corrections: distinctCorrections(answer.items.map((d) => d.corrections)),
        }}
      />
      <Typography data-testid="deciders-count">{count}</Typography>
      {answer.items.map((d) => (
        <DeciderEntry key={d.personId} decider={d} bodies={answer.bodies} />
      ))}
      {answer.hasNextPage && (
        // The count again beside the button: the list above it is long.
        <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
          <Button variant="outlined" onClick={onMore} disabled={loadingMore} data-testid="deciders-more">
            {translate('check.more', { count: Math.min(DECIDERS_PAGE, Math.max(total - shown, 1)) })}
          </Button>
          <Typography variant="body2" color="text.secondary">
            {count}
          </Typography>
        </Stack>
      )}
    </Box>
  );
}
