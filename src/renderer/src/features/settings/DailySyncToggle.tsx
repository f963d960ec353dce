import { useId, useState } from 'react';
import { appActionDeps } from '../../app/appActions';
import { saveSettings } from '../../app/actions';
import { useAppStore } from '../../state/store';

/** The daily sync switch; saves as soon as it changes. */
export function DailySyncToggle(): React.JSX.Element {
  const settings = useAppStore((s) => s.settings);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const errorId = useId();

  async function toggle(dailySync: boolean) {
    setSaving(true);
    setError(null);
    const result = await saveSettings(appActionDeps(), { dailySync });
    setSaving(false);
    if (!result.ok) setError(result.error);
  }

  return (
    <div className="field-inline">
      <label>
        <input
          type="checkbox"
          checked={settings?.dailySync ?? false}
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
