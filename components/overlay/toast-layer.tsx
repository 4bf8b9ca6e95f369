import { createRoot } from 'react-dom/client';
import { toast, Toaster } from 'sonner';
import sonnerCss from 'sonner/dist/styles.css?inline';
import type { Alert } from '../../shared/messaging/protocol.ts';
import type { Department } from '../../shared/domain/schemas/org.ts';
import { isPostAddress } from '../../shared/domain/post-url.ts';

export interface ToastHandlers {
  claim(postKey: string): void;
  /** Opens the post's thread panel, when the post is on this page. */
  notes(postKey: string): void;
}

export interface ToastLayer {
  show(alert: Alert): void;
  guidelines(department: Department): void;
}

/** A post on this page: scroll to it; else open it in a new tab. */
function openPost(alert: Alert) {
  const host = document.querySelector(
    `switchboard-overlay[data-post-key="${CSS.escape(alert.postKey)}"]`,
  );
  if (host) host.scrollIntoView({ behavior: 'smooth', block: 'center' });
  else if (isPostAddress(alert.url)) window.open(alert.url, '_blank', 'noopener');
}

/**
 * Toasts for this tab, in a shadow root of their own (the site's CSS cannot reach them, theirs
 * cannot reach the site), drawn by sonner. The background picks the one tab that shows an alert.
 */
export function mountToastLayer(signal: AbortSignal, handlers: ToastHandlers): ToastLayer {
  const host = document.createElement('switchboard-toasts');
  const shadow = host.attachShadow({ mode: 'open' });
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(sonnerCss);
  shadow.adoptedStyleSheets = [sheet];
  const container = document.createElement('div');
  shadow.append(container);
  document.documentElement.append(host);
  const root = createRoot(container);
  root.render(
    <Toaster
      position="bottom-right"
      theme="system"
      closeButton
      visibleToasts={4}
      toastOptions={{ style: { fontSize: '13px' } }}
    />,
  );
  signal.addEventListener('abort', () => {
    root.unmount();
    host.remove();
  });

  return {
    guidelines(department: Department) {
      const g = department.guidelines;
      toast(`${department.name} guidelines`, {
        id: `guidelines:${department.id}`,
        duration: 30_000,
        description: (
          <div className="sb-guidelines">
            {g.tone && <p>Tone: {g.tone}</p>}
            {g.dos.length > 0 && <p>Do: {g.dos.join(' · ')}</p>}
            {g.donts.length > 0 && <p>Don’t: {g.donts.join(' · ')}</p>}
          </div>
        ),
      });
    },
    show(alert: Alert) {
      const open = { label: 'Open post', onClick: () => openPost(alert) };
      const notes = {
        label: 'Open notes',
        onClick: () => {
          openPost(alert);
          handlers.notes(alert.postKey);
        },
      };
      toast(alert.title, {
        id: alert.id,
        description: alert.body,
        duration: 12_000,
        ...(alert.action === 'claim'
          ? {
              action: { label: 'Claim', onClick: () => handlers.claim(alert.postKey) },
              cancel: open,
            }
          : { action: alert.action === 'notes' ? notes : open }),
      });
    },
  };
}
