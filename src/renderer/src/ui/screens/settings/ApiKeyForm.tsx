import { useId, useState } from 'react';
import type { SettingsView } from '../../../../../shared/ipc';
import { appActionDeps } from '../../commands/app-actions';
import { saveSettings } from '../../commands/actions';
import { OutcomeLine } from '../../components/OutcomeLine';

/** Whether a key is stored, for which host, and whether syncs from the current address send it. */
function keyState(settings: SettingsView): string {
  if (!settings.hasApiKey) return 'No API key is stored.';
  const stored = `An API key is stored for ${settings.apiKeyHost ?? 'PeeringDB'}.`;
  if (settings.apiKeyInUse) return stored;
  return `${stored} Syncs from ${hostOf(settings.baseUrl)} run without it: save a key for that address to use one there.`;
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

/** The key goes to main and never comes back: the screen only knows whether one is stored, and for which host. */
export function ApiKeyForm({ settings }: { settings: SettingsView }): React.JSX.Element {
  const [key, setKey] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const inputId = useId();
  const errorId = useId();
  const stateId = useId();

  async function submit(apiKey: string | null) {
    setSaving(true);
    setError(null);
    setMessage(null);
    const result = await saveSettings(appActionDeps(), { apiKey });
    setSaving(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    setKey('');
    if (apiKey === null) {
      setMessage('API key removed.');
      return;
    }
    // Main fetches the contacts the new key gives access to; the header shows that sync.
    setMessage('API key saved.');
  }

  return (
    <form
      className="settings-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (key.trim()) void submit(key.trim());
      }}
    >
      <label htmlFor={inputId}>PeeringDB API key</label>
      <p id={stateId} className="key-state">
        {keyState(settings)}
      </p>
      <div className="field-row">
        <input
          id={inputId}
          type="password"
          autoComplete="off"
          spellCheck={false}
          placeholder={settings.hasApiKey ? 'Enter a new key to replace it' : 'Paste your API key'}
          value={key}
          aria-invalid={error ? true : undefined}
          aria-describedby={[stateId, error ? errorId : null].filter(Boolean).join(' ')}
          onChange={(event) => setKey(event.currentTarget.value)}
        />
        <button type="submit" disabled={saving || key.trim() === ''}>
          Save key
        </button>
        <button type="button" disabled={saving || !settings.hasApiKey} onClick={() => void submit(null)}>
          Remove key
        </button>
      </div>
      <p className="note">
        With a key, syncs also bring contacts that PeeringDB shows only to registered users. The key stays in the app's
        main process and is sent only over HTTPS, to the host it was saved for.
      </p>
      {!settings.keyStorageAvailable && (
        <p className="note warning">
          This system offers no secure storage for secrets: a key entered here is used until the app quits and is not
          saved.
        </p>
      )}
      {error && (
        <OutcomeLine ok={false} id={errorId}>
          {error}
        </OutcomeLine>
      )}
      {message && <OutcomeLine ok>{message}</OutcomeLine>}
    </form>
  );
}
