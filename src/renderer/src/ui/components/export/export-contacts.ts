import { contactsToCsv, contactsToVCard } from '../../../../../shared/export/contact-files';
import { exportFileName } from '../../../../../shared/export/file-name';
import type { ContactListResult } from '../../../protocol/contacts';
import { saveExportFile, type SaveOutcome } from './save-export';

export type ContactFormat = 'csv' | 'vcf';

/** Writes a contact list as CSV or vCard through the save dialog. */
export function saveContactList(list: ContactListResult, format: ContactFormat): Promise<SaveOutcome> {
  const content = format === 'csv' ? contactsToCsv(list.contacts) : contactsToVCard(list.contacts);
  return saveExportFile(
    { format, suggestedName: exportFileName(`Contacts - ${list.label}`, format), content },
    `${list.contacts.length} contacts`,
  );
}
