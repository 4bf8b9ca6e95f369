import { createRoot } from 'react-dom/client';
import { OptionsApp } from '../../components/options/OptionsApp.tsx';
import '../../components/pages/pages.css';

createRoot(document.getElementById('root')!).render(<OptionsApp />);
