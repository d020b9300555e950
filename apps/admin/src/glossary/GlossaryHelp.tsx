// Helper text for a form field that uses one of the method's words: a short explanation and a link to the glossary.
import { Link, useTranslate } from 'react-admin';
import { glossaryPath, type GlossaryTerm } from './terms';

export function GlossaryHelp({ text, term }: { text: string; term?: GlossaryTerm }) {
  const translate = useTranslate();
  return (
    <span data-testid="glossary-help">
      {translate(text)}
      {term && (
        <>
          {' '}
          <Link to={glossaryPath(term)} target="_blank" rel="noopener">
            {translate('glossary.more')}
          </Link>
        </>
      )}
    </span>
  );
}
