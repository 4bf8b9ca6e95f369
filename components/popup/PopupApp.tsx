import { browser } from 'wxt/browser';
import type { MyWork } from '../../shared/messaging/protocol.ts';
import { openPost } from '../../shared/background/open-post.ts';
import { ThreadRow } from './ThreadRow.tsx';
import { useSession } from '../hooks/use-session.ts';
import { useMyWork } from './use-my-work.ts';

const connectionLabel = {
  online: 'Online',
  connecting: 'Connecting…',
  offline: 'Offline',
  'signed-out': 'Signed out',
} as const;

export function PopupApp() {
  const [session] = useSession();
  const work = useMyWork(session?.connection) ?? null;

  if (!session) return null;
  const me = session.me;
  if (!me || session.connection === 'signed-out')
    return (
      <main className="popup">
        <h1>Switchboard</h1>
        <p>Not signed in.</p>
        <button type="button" onClick={() => void browser.runtime.openOptionsPage()}>
          Sign in
        </button>
      </main>
    );

  const department = (id: string | null) => session.departments.find((d) => d.id === id);
  const departmentName = (id: string) => department(id)?.name ?? 'another department';
  const list = (views: MyWork['queue'], empty: string) =>
    views.length ? (
      <ul className="threads">
        {views.map((v) => (
          <ThreadRow
            key={v.thread.postKey}
            view={v}
            department={department(v.thread.departmentId)}
            departmentName={departmentName}
            now={work!.now}
            meId={me.id}
            onOpen={(url) => void openPost(url)}
          />
        ))}
      </ul>
    ) : (
      <p className="empty">{empty}</p>
    );

  return (
    <main className="popup">
      <header>
        <h1>Switchboard</h1>
        <span className={`status ${session.connection}`}>
          {connectionLabel[session.connection]}
          {session.pendingActions ? ` · ${session.pendingActions} waiting to send` : ''}
        </span>
      </header>
      <p className="muted">
        {me.name} · {session.orgName}
      </p>
      {work?.fromCache && <p className="muted">Offline: showing what this browser last saw.</p>}
      <h2>My threads</h2>
      {work ? (
        list(work.mine, 'Nothing claimed or assigned to you.')
      ) : (
        <p className="empty">Loading…</p>
      )}
      <h2>Open in my departments</h2>
      {work ? list(work.queue, 'No open threads. Nice.') : null}
      {work && work.asked.length > 0 && (
        <>
          <h2>Asked of my departments</h2>
          {list(work.asked, '')}
        </>
      )}
      {(me.role === 'admin' || me.role === 'lead') && (
        <button
          type="button"
          onClick={() =>
            void browser.tabs.create({ url: browser.runtime.getURL('/dashboard.html') })
          }
        >
          Team dashboard
        </button>
      )}
    </main>
  );
}
