import { useAppState } from '../../state/app-state';
import { ApiKeyForm } from './ApiKeyForm';
import { BaseUrlForm } from './BaseUrlForm';
import { DailySyncToggle } from '../../components/DailySyncToggle';

export function SettingsScreen(): React.JSX.Element {
  const settings = useAppState((s) => s.settings);
  const loadError = useAppState((s) => s.settingsLoadError);

  return (
    <section className="view" aria-labelledby="settings-title">
      <div className="view-header">
        <h1 id="settings-title">Settings</h1>
      </div>
      {loadError && (
        <div className="panel panel-error" role="alert">
          <h2>Settings could not be read</h2>
          <p>{loadError}</p>
        </div>
      )}
      {!settings && !loadError && <p className="muted">Loading settings…</p>}
      {settings && (
        <>
          <section className="panel" aria-labelledby="settings-source-title">
            <h2 id="settings-source-title">PeeringDB</h2>
            <BaseUrlForm settings={settings} />
            <ApiKeyForm settings={settings} />
          </section>
          <section className="panel" aria-labelledby="settings-schedule-title">
            <h2 id="settings-schedule-title">Schedule</h2>
            <DailySyncToggle />
          </section>
        </>
      )}
    </section>
  );
}
