import { useState } from 'react';
import type { ReactNode } from 'react';
import { createPortal } from 'react-dom';

/**
 * A layer element of its own for what opens from a badge (the menu, the thread panel), rendered
 * only while it is open. React listens in no post's shadow root (react-listeners.ts), so its
 * events work only in a container it renders into afresh: this one. The layer is `display:
 * contents` and sits beside the badge, outside the host's mirrored text (mirror-text.ts).
 */
export function ReactEventsLayer({ children }: { children: ReactNode }) {
  const [layer, setLayer] = useState<HTMLSpanElement | null>(null);
  return (
    <span ref={setLayer} className="sb-menu-layer">
      {layer && createPortal(children, layer)}
    </span>
  );
}
