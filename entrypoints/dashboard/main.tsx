import { createRoot } from 'react-dom/client';
import { QueryClientProvider } from '@tanstack/react-query';
import { DashboardApp } from '../../components/dashboard/DashboardApp.tsx';
import { queryClient } from '../../components/dashboard/server-client.ts';
import '../../components/pages/pages.css';
import '../../components/dashboard/dashboard.css';
import '../../components/thread-panel/thread-panel.css';

createRoot(document.getElementById('root')!).render(
  <QueryClientProvider client={queryClient}>
    <DashboardApp />
  </QueryClientProvider>,
);
