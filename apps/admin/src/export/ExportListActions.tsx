// A list's top toolbar as react-admin's, with Import (where the list has it) and our Export menu instead of its
// ExportButton (which asks the API for one page of 1,000 records: above its limits).
import type { ReactNode } from 'react';
import { CreateButton, FilterButton, TopToolbar, useFilterContext, useResourceDefinition } from 'react-admin';
import { ExportMenuButton } from './ExportMenuButton';
import { ImportButton } from '../import';

export function ExportListActions({ children }: { children?: ReactNode }) {
  const { hasCreate } = useResourceDefinition();
  const filters = useFilterContext();
  return (
    <TopToolbar>
      {filters && filters.length > 0 ? <FilterButton /> : null}
      {hasCreate ? <CreateButton /> : null}
      {children}
      <ImportButton />
      <ExportMenuButton />
    </TopToolbar>
  );
}
