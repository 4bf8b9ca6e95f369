import { useEffect, useMemo, useState } from 'react';
import { canLead } from '../../shared/domain/permissions.ts';
import { useSession } from '../hooks/use-session.ts';
import { useQueue } from './dashboard-store.ts';
import { DepartmentPanel } from './DepartmentPanel.tsx';
import { MetricsPanel } from './MetricsPanel.tsx';
import { QueuePanel } from './QueuePanel.tsx';
import { RulesPanel } from './RulesPanel.tsx';
import { queryClient } from './server-client.ts';

const TABS = ['Queue', 'Rules', 'Departments', 'Metrics'] as const;
type Tab = (typeof TABS)[number];

const connectionLabel = {
  online: 'Online',
  connecting: 'Connecting…',
  offline: 'Offline',
  'signed-out': 'Signed out',
} as const;

/** The team lead's page: the queue, routing rules, department settings and metrics. */
export function DashboardApp() {
  const [session] = useSession();
  const [tab, setTab] = useState<Tab>(() => tabFromHash());
  const setScope = useQueue((s) => s.setScope);
  const me = session?.me ?? null;
  const departments = useMemo(() => session?.departments ?? [], [session]);
  // Leads see the departments they lead; admins see every department.
  const scoped = useMemo(
    () => (me ? departments.filter((d) => canLead(me, d.id)) : []),
    [me, departments],
  );
  const scopeKey = `${me?.role === 'admin'}:${scoped.map((d) => d.id).join(',')}`;
  const online = session?.connection === 'online';
  useEffect(() => {
    if (!me || !online) return;
    setScope({ all: me.role === 'admin', departmentIds: scoped.map((d) => d.id) });
    // Back online: what the page shows may have changed meanwhile.
    void queryClient.invalidateQueries();
    // Keyed by scopeKey, not `scoped`: a session push with the same departments must not reload.
  }, [scopeKey, online]);
  useEffect(() => {
    location.hash = tab.toLowerCase();
  }, [tab]);
  useEffect(() => {
    // Back and forward move between sections too.
    const follow = () => setTab(tabFromHash());
    addEventListener('hashchange', follow);
    return () => removeEventListener('hashchange', follow);
  }, []);

  if (!session) return <main className="page muted">Loading…</main>;
  if (!me || session.connection === 'signed-out')
    return (
      <main className="page">Sign in to Switchboard (extension options) to see the dashboard.</main>
    );
  if (me.role === 'member' || scoped.length === 0)
    return (
      <main className="page">
        The team dashboard is for team leads and admins; {me.name} leads no department.
      </main>
    );
  return (
    <main className="page dashboard stack">
      <header className="row spread">
        <h1>Team dashboard · {session.orgName}</h1>
        <span className={`status ${session.connection}`}>
          {me.name} ({me.role}) · {connectionLabel[session.connection]}
        </span>
      </header>
      {!online && (
        <p role="alert" className="error">
          The extension is not connected to the server; what you see may be out of date and changes
          will be refused until it reconnects.
        </p>
      )}
      <nav role="tablist" aria-label="Dashboard sections" className="tabs">
        {TABS.map((t) => (
          <button
            key={t}
            type="button"
            role="tab"
            aria-selected={tab === t}
            onClick={() => setTab(t)}
          >
            {t}
          </button>
        ))}
      </nav>
      <div role="tabpanel" aria-label={tab}>
        {tab === 'Queue' && (
          <QueuePanel departments={departments} scoped={scoped} members={session.members} me={me} />
        )}
        {tab === 'Rules' && <RulesPanel departments={departments} />}
        {tab === 'Departments' && <DepartmentPanel departments={scoped} />}
        {tab === 'Metrics' && (
          <MetricsPanel scoped={scoped} departments={departments} members={session.members} />
        )}
      </div>
    </main>
  );
}

/** The tab in the address (#rules), so a reload or a shared link opens the same section. */
function tabFromHash(): Tab {
  const want = location.hash.slice(1);
  return TABS.find((t) => t.toLowerCase() === want) ?? 'Queue';
}
