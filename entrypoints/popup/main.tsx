import { createRoot } from 'react-dom/client';
import { PopupApp } from '../../components/popup/PopupApp.tsx';
import '../../components/pages/pages.css';

createRoot(document.getElementById('root')!).render(<PopupApp />);
