import { useState } from 'react';
import { canLead } from '../../shared/permissions.ts';
import { useSession } from '../use-session.ts';
import { useDashboard } from './dashboard-store.ts';
import { DepartmentPanel } from './DepartmentPanel.tsx';
import { MetricsPanel } from './MetricsPanel.tsx';
import { QueuePanel } from './QueuePanel.tsx';
import { RulesPanel } from './RulesPanel.tsx';

const TABS = ['Queue', 'Rules', 'Departments', 'Metrics'] as const;
type Tab = (typeof TABS)[number];

/** The team lead's page: the queue, routing rules, department settings and metrics. */
export function DashboardApp() {
  const [session] = useSession();
  const [tab, setTab] = useState<Tab>('Queue');
  const { error, message } = useDashboard();
  if (!session) return null;
  const me = session.me;
  if (!me || session.connection === 'signed-out')
    return (
      <main className="page">Sign in to Switchboard (extension options) to see the dashboard.</main>
    );
  const led = session.departments.filter((d) => canLead(me, d.id));
  const isLead = led.length > 0;
  return (
    <main className="page dashboard stack">
      <header className="row spread">
        <h1>Switchboard · {session.orgName}</h1>
        <span className={`status ${session.connection}`}>
          {me.name} · {session.connection === 'online' ? 'Online' : 'Offline'}
        </span>
      </header>
      {!isLead && (
        <p className="muted">You lead no department: you can look, the server refuses changes.</p>
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
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {message && !error && (
        <p role="status" className="muted">
          {message}
        </p>
      )}
      {tab === 'Queue' && (
        <QueuePanel departments={session.departments} members={session.members} />
      )}
      {tab === 'Rules' && <RulesPanel departments={session.departments} canEdit={isLead} />}
      {tab === 'Departments' && <DepartmentPanel departments={led} />}
      {tab === 'Metrics' && (
        <MetricsPanel departments={session.departments} members={session.members} />
      )}
    </main>
  );
}
