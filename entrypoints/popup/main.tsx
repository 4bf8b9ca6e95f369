import { createRoot } from 'react-dom/client';
import { QueryClientProvider } from '@tanstack/react-query';
import { PopupApp } from '../../components/popup/PopupApp.tsx';
import { createPageQueryClient } from '../../components/hooks/page-query-client.ts';
import '../../components/pages/pages.css';

createRoot(document.getElementById('root')!).render(
  <QueryClientProvider client={createPageQueryClient()}>
    <PopupApp />
  </QueryClientProvider>,
);
