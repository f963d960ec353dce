import { useState } from 'react';
import { exportFileName } from '../../../../../shared/export/file-name';
import { toCsv, type CsvColumn } from '../../../../../shared/export/csv';
import { saveExportFile } from './save-export';

/**
 * Exports any result table as CSV through the save dialog. Columns say how each cell is
 * read from a row; formula-like text is neutralised by the CSV writer.
 */
export function ExportTableButton<Row>({
  columns,
  rows,
  fileLabel,
  label = 'Export CSV…',
}: {
  columns: readonly CsvColumn<Row>[];
  rows: readonly Row[];
  /** Becomes the suggested file name. */
  fileLabel: string;
  label?: string;
}): React.JSX.Element {
  const [saving, setSaving] = useState(false);
  return (
    <button
      type="button"
      disabled={saving || rows.length === 0}
      onClick={async () => {
        setSaving(true);
        await saveExportFile(
          {
            format: 'csv',
            suggestedName: exportFileName(fileLabel, 'csv'),
            content: toCsv(columns, rows, { byteOrderMark: true }),
          },
          'the table',
        );
        setSaving(false);
      }}
    >
      {label}
    </button>
  );
}
