/** Links inside the app (to a record's page) and out of it (always through main's checked helper). */
import { mailtoLink } from '../../../../shared/export/mailto';
import { getApi } from '../bridge/window-api';
import { useAppState } from '../state/app-state';
import type { PageRef } from '../state/ui-slice';

export function openRecordPage(page: PageRef): void {
  useAppState.getState().openPage(page);
}

export function PageLink({
  to,
  children,
  label,
}: {
  to: PageRef;
  children: React.ReactNode;
  label?: string;
}): React.JSX.Element {
  return (
    <button type="button" className="link" aria-label={label} onClick={() => openRecordPage(to)}>
      {children}
    </button>
  );
}

/** Only http(s) and mailto links are offered; anything else is shown as plain text. */
function isOpenable(url: string): boolean {
  return /^(https?:\/\/|mailto:)/i.test(url.trim());
}

export function ExternalLink({ url, children }: { url: string; children?: React.ReactNode }): React.JSX.Element {
  if (!url) return <span className="muted">—</span>;
  if (!isOpenable(url)) return <span>{url}</span>;
  return (
    <button
      type="button"
      className="link external"
      title={url}
      onClick={() => {
        void getApi().openExternal({ url: url.trim() });
      }}
    >
      {children ?? url}
    </button>
  );
}

/**
 * A contact's address, as a link to write to it when it is a plain address. PeeringDB holds
 * addresses such as `peer@x.example?bcc=...`, which are shown as text and never linked.
 */
export function MailLink({ address }: { address: string }): React.JSX.Element {
  const link = mailtoLink(address);
  if (!link) return <span>{address}</span>;
  return <ExternalLink url={link}>{address}</ExternalLink>;
}
