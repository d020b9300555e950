export { EXPORT_COLUMNS, type ExportColumn } from './columns';
export { ExportListActions } from './ExportListActions';
export { ExportMenuButton } from './ExportMenuButton';
