import GlossaryIcon from '@mui/icons-material/MenuBook';
import { Menu, useTranslate } from 'react-admin';
import { glossaryPath } from './terms';

export function GlossaryMenuItem() {
  const translate = useTranslate();
  return <Menu.Item to={glossaryPath()} primaryText={translate('glossary.menu')} leftIcon={<GlossaryIcon />} />;
}
