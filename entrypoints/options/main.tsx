import { createRoot } from 'react-dom/client';
import { OptionsApp } from '../../components/OptionsApp.tsx';
import '../../components/pages.css';

createRoot(document.getElementById('root')!).render(<OptionsApp />);
