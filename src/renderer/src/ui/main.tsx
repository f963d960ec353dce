import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './shell/App';
import { offerStoreToAutomation } from './bridge/automation';
import { getStoreClient } from './store-client/client';
import { ErrorBoundary } from './components/ErrorBoundary';
import './styles.css';
import './components/discovery.css';

// The store worker opens the copy while React renders the first frame, rather than after it.
getStoreClient();
offerStoreToAutomation();

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');
createRoot(container).render(
  <StrictMode>
    {/* The window says what stopped it rather than stay blank (a preload that did not load). */}
    <ErrorBoundary label="Peering Assistant">
      <App />
    </ErrorBoundary>
  </StrictMode>,
);
