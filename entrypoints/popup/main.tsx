import { createRoot } from 'react-dom/client';
import { PopupApp } from '../../components/PopupApp.tsx';
import '../../components/pages.css';

createRoot(document.getElementById('root')!).render(<PopupApp />);
