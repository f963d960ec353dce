import { useId, useState } from 'react';
import { appActionDeps } from '../commands/app-actions';
import { saveSettings } from '../commands/actions';
import { useAppState } from '../state/app-state';

/**
 * The daily sync switch; saves as soon as it changes. The box shows the new value while main
 * saves it, and falls back to the stored one if the save fails.
 */
export function DailySyncToggle(): React.JSX.Element {
  const settings = useAppState((s) => s.settings);
  const [pending, setPending] = useState<boolean | null>(null);
  const saving = pending !== null;
  const [error, setError] = useState<string | null>(null);
  const errorId = useId();

  async function toggle(dailySync: boolean) {
    setPending(dailySync);
    setError(null);
    const result = await saveSettings(appActionDeps(), { dailySync });
    setPending(null);
    if (!result.ok) setError(result.error);
  }

  return (
    <div className="field-inline">
      <label>
        <input
          type="checkbox"
          checked={pending ?? settings?.dailySync ?? false}
          disabled={!settings || saving}
          aria-describedby={error ? errorId : undefined}
          onChange={(event) => void toggle(event.currentTarget.checked)}
        />{' '}
        Sync once a day while the app is open
      </label>
      {error && (
        <p id={errorId} className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
