// antd v5 renders its static pop-ups with ReactDOM.render, which React 19 removed; the patch
// makes it use createRoot. Remove it when moving to antd v6.
import '@ant-design/v5-patch-for-react-19';
import 'antd/dist/reset.css';
import './styles.css';

import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

import { App } from '@/app/app';

const container = document.getElementById('root');
if (!container) throw new Error('index.html must contain <div id="root">');

createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
