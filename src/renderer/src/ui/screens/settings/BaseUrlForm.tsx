import { useId, useState } from 'react';
import { DEFAULT_BASE_URL, type SettingsView } from '../../../../../shared/ipc';
import { appActionDeps } from '../../commands/app-actions';
import { saveSettings } from '../../commands/actions';
import { OutcomeLine } from '../../components/OutcomeLine';

export function BaseUrlForm({ settings }: { settings: SettingsView }): React.JSX.Element {
  // Edits start from what main holds; a save or an outside change resets the draft.
  const [draft, setDraft] = useState<{ from: string; value: string }>({ from: settings.baseUrl, value: settings.baseUrl });
  const value = draft.from === settings.baseUrl ? draft.value : settings.baseUrl;
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [saving, setSaving] = useState(false);
  const inputId = useId();
  const errorId = useId();
  const noteId = useId();

  async function save(baseUrl: string) {
    setSaving(true);
    setError(null);
    setSaved(false);
    const result = await saveSettings(appActionDeps(), { baseUrl });
    setSaving(false);
    if (result.ok) {
      setDraft({ from: result.settings.baseUrl, value: result.settings.baseUrl });
      setSaved(true);
    } else {
      setError(result.error);
    }
  }

  const describedBy = [settings.baseUrlFromEnv ? noteId : null, error ? errorId : null].filter(Boolean).join(' ');
  return (
    <form
      className="settings-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void save(value);
      }}
    >
      <label htmlFor={inputId}>PeeringDB base URL</label>
      <div className="field-row">
        <input
          id={inputId}
          type="text"
          inputMode="url"
          spellCheck={false}
          autoComplete="off"
          value={value}
          readOnly={settings.baseUrlFromEnv}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy || undefined}
          onChange={(event) => {
            setDraft({ from: settings.baseUrl, value: event.currentTarget.value });
            setSaved(false);
          }}
        />
        <button type="submit" disabled={saving || settings.baseUrlFromEnv}>
          Save
        </button>
        <button type="button" disabled={saving || settings.baseUrlFromEnv || value === DEFAULT_BASE_URL} onClick={() => void save(DEFAULT_BASE_URL)}>
          Use default
        </button>
      </div>
      {settings.baseUrlFromEnv && (
        <p id={noteId} className="note">
          Set by the PEERINGDB_URL environment variable for this run. Start the app without it to choose the address here.
        </p>
      )}
      {error && (
        <OutcomeLine ok={false} id={errorId}>
          {error}
        </OutcomeLine>
      )}
      {saved && <OutcomeLine ok>Saved.</OutcomeLine>}
    </form>
  );
}
