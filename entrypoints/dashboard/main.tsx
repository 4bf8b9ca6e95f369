import { createRoot } from 'react-dom/client';
import { DashboardApp } from '../../components/lead-dashboard/DashboardApp.tsx';
import '../../components/pages.css';
import '../../components/lead-dashboard/dashboard.css';

createRoot(document.getElementById('root')!).render(<DashboardApp />);
