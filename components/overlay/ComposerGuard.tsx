import { useLayoutEffect, useRef, useSyncExternalStore } from 'react';
import type { Department } from '../../shared/domain/schemas/org.ts';
import type { WatchHit } from '../../shared/messaging/protocol.ts';
import {
  guardDepartment,
  guardState,
  guidelinesLine,
} from '../../shared/overlay/composer-state.ts';
import type { GuardState } from '../../shared/overlay/composer-state.ts';
import type { OverlayStore } from '../../shared/overlay/overlay-store.ts';
import { mirrorText } from './mirror-text.ts';

export interface ComposerGuardProps {
  postKey: string;
  store: OverlayStore;
  /** Watch phrases in the draft, with their reasons (from the background). */
  hits: readonly WatchHit[];
  /** The guard's host, whose text mirrors the bar's (mirror-text.ts). */
  host: Element;
  onCancel(): void;
  onOverride(): void;
  onClaim(): void;
}

const closedText = { answered: 'answered', resolved: 'resolved', dismissed: 'dismissed' };

function Claim({
  state,
  ...on
}: { state: GuardState } & Pick<ComposerGuardProps, 'onCancel' | 'onOverride' | 'onClaim'>) {
  switch (state.kind) {
    case 'held':
      return (
        <p className="sb-guard-held" role="alert">
          <span>{state.holderName} is answering this post</span>
          <button type="button" onClick={on.onCancel}>
            Cancel reply
          </button>
          {state.canOverride && (
            <button type="button" onClick={on.onOverride}>
              Override
            </button>
          )}
        </p>
      );
    case 'mine':
      return <p className="sb-guard-claim">You are answering this post</p>;
    case 'free':
      if (!state.canClaim)
        return <p className="sb-guard-claim">Another department’s post: nobody is answering it</p>;
      if (state.claimOnType)
        return <p className="sb-guard-claim">Nobody is answering: typing claims this post</p>;
      return (
        <p className="sb-guard-claim">
          <span>Nobody is answering this post</span>
          <button type="button" onClick={on.onClaim}>
            Claim
          </button>
        </p>
      );
    case 'closed':
      return (
        <p className="sb-guard-closed" role="alert">
          <span>
            This post is already {closedText[state.status]}
            {state.answeredBy && ` (by ${state.answeredBy})`}
          </span>
          <button type="button" onClick={on.onCancel}>
            Cancel reply
          </button>
        </p>
      );
    case 'unknown':
      return null;
  }
}

function Guidelines({ department }: { department: Department }) {
  const line = guidelinesLine(department);
  if (!line) return null;
  const { tone, dos, donts } = department.guidelines;
  return (
    <details className="sb-guard-guidelines">
      <summary>
        {department.name} guidelines<span className="sb-guard-line">: {line}</span>
      </summary>
      {tone && <p>Tone: {tone}</p>}
      {dos.length > 0 && (
        <>
          <h4>Do</h4>
          <ul>
            {dos.map((d, i) => (
              <li key={i}>{d}</li>
            ))}
          </ul>
        </>
      )}
      {donts.length > 0 && (
        <>
          <h4>Don’t</h4>
          <ul>
            {donts.map((d, i) => (
              <li key={i}>{d}</li>
            ))}
          </ul>
        </>
      )}
    </details>
  );
}

/**
 * The bar beside a site's reply box: who is answering the post, the watch phrases the draft
 * contains (highlighted, with their reasons) and the department's guidelines in one line. It
 * warns and never blocks: the box stays the site's, and so does sending.
 */
export function ComposerGuard(props: ComposerGuardProps) {
  const { postKey, store, hits, host } = props;
  const session = useSyncExternalStore(store.subscribe, () => store.getState().session);
  const view = useSyncExternalStore(store.subscribe, () => store.getState().views.get(postKey));
  const state = guardState(view, session);
  const department = guardDepartment(view, session);
  const ref = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => mirrorText(host, ref.current));
  if (state.kind === 'unknown') return <div ref={ref} />;
  return (
    <div className="sb-guard" ref={ref} role="group" aria-label="Switchboard: this reply">
      <Claim state={state} {...props} />
      {hits.length > 0 && (
        <ul className="sb-guard-hits" aria-label="Watch phrases in this reply" role="alert">
          {hits.map((h) => (
            <li key={`${h.departmentId}:${h.pattern}`}>
              <mark>{h.match}</mark> {h.reason}
            </li>
          ))}
        </ul>
      )}
      {department && <Guidelines department={department} />}
    </div>
  );
}
