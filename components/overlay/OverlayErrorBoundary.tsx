import { Component } from 'react';
import type { ReactNode } from 'react';

interface Props {
  children: ReactNode;
}

/**
 * A post whose overlay throws renders nothing; the other posts and the page carry on. The root's
 * onCaughtError (shared/start-overlay.tsx) logs it.
 */
export class OverlayErrorBoundary extends Component<Props, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  override render() {
    return this.state.failed ? null : this.props.children;
  }
}
