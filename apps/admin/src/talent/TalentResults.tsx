// The people a talent search found (qualifiedPeoplePage), a page at a time: the higher level first, then by name;
// each name links to the person, with the level held and until when.
import { Box, Button, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useRef, useState } from 'react';
import { Link, useDataProvider, useLocaleState, useTranslate } from 'react-admin';
import { personDisplayName } from '../components/personName';
import { formatDate } from '../format';
import type { Operations, QualifiedPage, TalentQuestion } from '../providers/operations';

/** People per page. */
export const TALENT_PAGE = 25;

export interface TalentAnswer extends QualifiedPage {
  question: TalentQuestion;
}

/** Asks for the first page of a question; `more` appends the next (a late answer to an older question is dropped). */
export function useTalent(pageSize: number = TALENT_PAGE) {
  const dataProvider = useDataProvider() as unknown as Operations;
  const [answer, setAnswer] = useState<TalentAnswer | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const asked = useRef(0);

  const ask = async (question: TalentQuestion) => {
    const n = ++asked.current;
    setError(null);
    setLoadingMore(false);
    try {
      const page = await dataProvider.qualifiedPeoplePage(question, pageSize);
      if (n === asked.current) setAnswer({ ...page, question });
    } catch (caught) {
      if (n === asked.current) {
        setAnswer(null);
        setError(caught);
      }
    }
  };

  const more = async () => {
    if (!answer?.hasNextPage || loadingMore) return;
    const n = asked.current;
    setLoadingMore(true);
    try {
      const page = await dataProvider.qualifiedPeoplePage(answer.question, pageSize, answer.endCursor);
      if (n !== asked.current) return;
      setAnswer(
        (current) => current && { ...page, question: current.question, items: [...current.items, ...page.items] },
      );
    } catch (caught) {
      if (n === asked.current) setError(caught);
    } finally {
      if (n === asked.current) setLoadingMore(false);
    }
  };

  return { answer, error, loadingMore, ask, more };
}

export function TalentResults({
  answer,
  loadingMore,
  onMore,
}: {
  answer: TalentAnswer;
  loadingMore: boolean;
  onMore: () => void;
}) {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  if (answer.items.length === 0)
    return (
      <Typography sx={{ mt: 2 }} color="text.secondary">
        {translate('talent.none')}
      </Typography>
    );
  return (
    <Box sx={{ mt: 2 }}>
      <Typography variant="subtitle2">
        {translate('talent.total', { smart_count: answer.totalCount, shown: answer.items.length })}
      </Typography>
      <Table size="small">
        <TableHead>
          <TableRow>
            <TableCell>{translate('talent.name')}</TableCell>
            <TableCell>{translate('talent.level')}</TableCell>
            <TableCell>{translate('talent.valid_from')}</TableCell>
            <TableCell>{translate('talent.valid_until')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {answer.items.map((item) => (
            <TableRow key={item.personId}>
              <TableCell>
                <Link to={`/Person/${item.personId}/show`}>
                  {personDisplayName(item.person, locale) || translate('talent.unknown_person')}
                </Link>
              </TableCell>
              <TableCell>{translate('talent.level_value', { level: item.level })}</TableCell>
              <TableCell>{formatDate(item.validFrom, locale)}</TableCell>
              <TableCell>
                {item.validUntil ? formatDate(item.validUntil, locale) : translate('talent.unlimited')}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {answer.hasNextPage && (
        <Button sx={{ mt: 1 }} onClick={onMore} disabled={loadingMore}>
          {translate('talent.more')}
        </Button>
      )}
    </Box>
  );
}
