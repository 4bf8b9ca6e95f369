import { createRoot } from 'react-dom/client';
import { DashboardApp } from '../../components/dashboard/DashboardApp.tsx';
import '../../components/pages/pages.css';
import '../../components/dashboard/dashboard.css';

createRoot(document.getElementById('root')!).render(<DashboardApp />);
