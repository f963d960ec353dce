/** The frame every record page shares: Back, a title, and the answer's loading and errors. */
import { useAppState } from '../state/app-state';

export function PageFrame({
  title,
  subtitle,
  error,
  children,
}: {
  title: string;
  subtitle?: React.ReactNode;
  error: string | null;
  children?: React.ReactNode;
}): React.JSX.Element {
  const closePage = useAppState((s) => s.closePage);
  return (
    <section className="view" aria-labelledby="record-title">
      <div className="view-header record-header">
        <button type="button" onClick={closePage}>
          ← Back
        </button>
        <h1 id="record-title">{title}</h1>
      </div>
      {subtitle && <p className="muted">{subtitle}</p>}
      {error && (
        <p role="alert" className="panel panel-error">
          {error}
        </p>
      )}
      {children}
    </section>
  );
}

/** Label/value pairs; empty values are left out rather than shown blank. */
export function Details({ items }: { items: [string, React.ReactNode][] }): React.JSX.Element {
  const shown = items.filter(([, value]) => value !== '' && value !== null && value !== undefined);
  return (
    <dl className="details-grid">
      {shown.map(([label, value]) => (
        <div key={label} style={{ display: 'contents' }}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
