// /privacy (owners and admins): export conversations, a visitor's data and erasure, retention per site.
import type { Agent, Site } from '../../../protocol';
import { AdminOnlyNotice } from '../components/AdminOnly';
import { ExportSection } from '../components/privacy/ExportSection';
import { RetentionSection } from '../components/privacy/RetentionSection';
import { VisitorRequests } from '../components/privacy/VisitorRequests';
import { canManageTeam } from '../state/people';
import { privacyStrings as t } from '../strings-privacy';

/** The Data & privacy page; agents get a notice instead (the server answers them 403 anyway). */
export function PrivacyPage({ agent, sites }: { agent: Agent; sites: Site[] }) {
  if (!canManageTeam(agent.role)) return <AdminOnlyNotice name="privacy" title={t.title} message={t.forbidden} />;
  return (
    <main class="page" data-testid="privacy-page">
      <div class="page-head">
        <h1 class="page-title">{t.title}</h1>
        <p class="muted page-hint">{t.hint}</p>
      </div>
      <ExportSection sites={sites} />
      <VisitorRequests />
      <RetentionSection />
    </main>
  );
}
