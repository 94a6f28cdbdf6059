import 'dkfds/dist/css/dkfds.min.css';
import './app/app.css';
import './app/i18n';
import { Modal, Tabs } from 'dkfds';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { provideDkfdsScript } from './ui/dkfdsScript';

// The dkfds script drives the modal and the tabs (ui/Modal.tsx, ui/Tabs.tsx).
provideDkfdsScript({ Modal, Tabs });

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
