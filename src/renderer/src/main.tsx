import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { offerStoreToAutomation } from './automation';
import './styles.css';

offerStoreToAutomation();

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');
createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
