import type { ReactNode } from 'react';

/**
 * The line under a form or a button that says how it went: announced politely when it went
 * well, as an alert when it did not.
 */
export function OutcomeLine({ ok, id, children }: { ok: boolean; id?: string; children: ReactNode }): React.JSX.Element {
  return (
    <p id={id} className={ok ? 'field-ok' : 'field-error'} role={ok ? 'status' : 'alert'}>
      {children}
    </p>
  );
}
