import { useEffect, useId, useRef } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { Department, Member } from '../../shared/domain/schemas/index.ts';
import { useNow } from '../hooks/use-now.ts';
import type { StoryActions, StoryOutcome } from '../thread-panel/story-actions.ts';
import { ThreadStoryView } from '../thread-panel/ThreadStoryView.tsx';
import { useQueue } from './dashboard-store.ts';
import { queryClient, errorText, server, trpc } from './server-client.ts';

interface Props {
  me: Member;
  members: Member[];
  departments: Department[];
}

/**
 * A queue row's notes and timeline: the same panel as on the site, in a modal dialog. The
 * dashboard acts directly (it refuses while offline, as its other changes do) and reads the
 * thread again after each change.
 */
export function ThreadDialog({ me, members, departments }: Props) {
  const postKey = useQueue((s) => s.openThread);
  const close = useQueue((s) => s.setOpenThread);
  const dialog = useRef<HTMLDialogElement>(null);
  const headingId = useId();
  const now = useNow();
  const story = useQuery({
    ...trpc.threads.story.queryOptions({ postKey: postKey ?? '' }),
    enabled: postKey !== null,
  });
  useEffect(() => {
    const el = dialog.current;
    if (postKey && el && !el.open) el.showModal();
    if (!postKey && el?.open) el.close();
  }, [postKey]);
  if (!postKey) return <dialog ref={dialog} className="thread-dialog" />;

  const run = async (change: () => Promise<unknown>): Promise<StoryOutcome> => {
    try {
      await change();
      await queryClient.invalidateQueries();
      return { ok: true };
    } catch (e) {
      return { ok: false, error: errorText(e) };
    }
  };
  const actions: StoryActions = {
    addNote: (text) => run(() => server.notes.add.mutate({ postKey, text })),
    consult: (departmentId, text) =>
      run(() => server.consults.open.mutate({ postKey, departmentId, text })),
    answer: (consultId, text) =>
      run(() => server.consults.answer.mutate({ postKey, consultId, text })),
    withdraw: (consultId) => run(() => server.consults.withdraw.mutate({ postKey, consultId })),
  };
  return (
    <dialog
      ref={dialog}
      className="thread-dialog"
      aria-labelledby={headingId}
      onClose={() => close(null)}
    >
      <ThreadStoryView
        story={story.data ?? null}
        error={story.error ? errorText(story.error) : null}
        view={story.data?.view}
        me={me}
        members={members}
        departments={departments}
        now={Math.max(now, story.data?.now ?? 0)}
        actions={actions}
        headingId={headingId}
        onClose={() => close(null)}
      />
    </dialog>
  );
}
