/** The page of whatever record was opened last (network, IXP, facility, organisation). */
import type { PageRef } from '../state/ui-slice';
import { FacPage } from './FacPage';
import { IxPage } from './IxPage';
import { NetworkPage } from './NetworkPage';
import { OrgPage } from './OrgPage';

export function RecordPage({ page }: { page: PageRef }): React.JSX.Element {
  switch (page.kind) {
    case 'net':
      return <NetworkPage key={page.id} netId={page.id} />;
    case 'ix':
      return <IxPage key={page.id} ixId={page.id} />;
    case 'fac':
      return <FacPage key={page.id} facId={page.id} />;
    case 'org':
      return <OrgPage key={page.id} orgId={page.id} />;
  }
}
