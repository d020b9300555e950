// The glossary page (/glossary): every term of the method and the workbench, in the reader's language.
import { Box, Card, CardContent, Typography } from '@mui/material';
import { useEffect } from 'react';
import { Title, useTranslate } from 'react-admin';
import { useLocation } from 'react-router';
import { GLOSSARY_SECTIONS } from './terms';

export function Glossary() {
  const translate = useTranslate();
  const { hash } = useLocation();
  useEffect(() => {
    const target = hash ? document.getElementById(`term-${decodeURIComponent(hash.slice(1))}`) : null;
    target?.scrollIntoView?.({ block: 'start' });
  }, [hash]);
  return (
    <Box sx={{ mt: 2, maxWidth: 960 }}>
      <Title title="glossary.title" />
      <Typography sx={{ mb: 2 }}>{translate('glossary.intro')}</Typography>
      {GLOSSARY_SECTIONS.map((section) => (
        <Card key={section.id} sx={{ mb: 2 }} data-testid={`glossary-${section.id}`}>
          <CardContent>
            <Typography variant="h6" component="h2" gutterBottom>
              {translate(`glossary.sections.${section.id}`)}
            </Typography>
            <Box component="dl" sx={{ m: 0 }}>
              {section.terms.map((term) => (
                <Box
                  key={term}
                  id={`term-${term}`}
                  data-testid={`term-${term}`}
                  sx={{
                    mb: 1.5,
                    scrollMarginTop: '72px',
                    ...(hash === `#${term}` ? { bgcolor: 'action.selected' } : {}),
                  }}
                >
                  <Typography component="dt" sx={{ fontWeight: 'bold' }}>
                    {translate(`glossary.terms.${term}.term`)}
                  </Typography>
                  <Typography component="dd" sx={{ ml: 2 }}>
                    {translate(`glossary.terms.${term}.meaning`)}
                  </Typography>
                </Box>
              ))}
            </Box>
          </CardContent>
        </Card>
      ))}
    </Box>
  );
}
