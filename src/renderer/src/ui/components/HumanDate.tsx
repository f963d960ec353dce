/**
 * A date as people say it ("5 minutes ago", "16 Apr 2026"), with the exact time, to the
 * second and with its time zone, on hover and on focus. A malformed PeeringDB date is shown as
 * written rather than as a wrong date.
 */
import { useEffect, useState } from 'react';
import { formatExactTime, formatHumanDate, parseTimestamp } from './format';
import { Tip } from './Tip';

/** Re-renders once a minute so "5 minutes ago" stays true. */
export function useNow(intervalMs = 60_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

export function HumanDate({
  at,
  label,
}: {
  at: number | string | null | undefined;
  /** Shown instead of the usual phrase where another reads better ("in 5 days" for a due date). */
  label?: string;
}): React.JSX.Element {
  const now = useNow();
  const ms = parseTimestamp(at);
  if (ms === null) return <span>{typeof at === 'string' && at ? at : '—'}</span>;
  const exact = formatExactTime(ms);
  return (
    <Tip content={exact}>
      <time className="human-date" dateTime={new Date(ms).toISOString()} tabIndex={0}>
        {label ?? formatHumanDate(ms, now)}
      </time>
    </Tip>
  );
}
