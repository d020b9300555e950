export { EXPORT_COLUMNS, exportColumnsOf, type ExportColumn } from './columns';
export { ExportListActions } from './ExportListActions';
export { ExportMenuButton } from './ExportMenuButton';
