// /dashboard: a site's numbers over a date range (the last 7 days by default), refreshed when the range changes.
import { useEffect, useState } from 'preact/hooks';
import type { Site, Stats } from '../../../protocol';
import type { ApiError } from '../api';
import { teamApi } from '../api-team';
import { ErrorText } from '../components/ErrorText';
import { StatCard } from '../components/StatCard';
import { formatDuration, lastSevenDays } from '../state/duration';
import { dayRangeQuery } from '../state/filters';
import { strings } from '../strings';
import { adminStrings as t } from '../strings-admin';
import { settingsStrings } from '../strings-settings';

const REFRESH_MS = 30_000;

/** The dashboard. */
export function DashboardPage({ site }: { site: Site }) {
  const [range, setRange] = useState(() => lastSevenDays(new Date()));
  const [stats, setStats] = useState<Stats | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    const load = () =>
      teamApi
        .stats(site.id, dayRangeQuery(range.from, range.to))
        .then((result) => {
          if (cancelled) return;
          setStats(result.stats);
          setError(null);
        })
        .catch((e: ApiError) => !cancelled && setError(e.message));
    void load();
    // "Open", "Waiting" and "Agents online" are live numbers; a slow poll keeps a wall-mounted dashboard honest.
    const timer = setInterval(load, REFRESH_MS);
    return () => {
      cancelled = true;
      clearInterval(timer);
    };
  }, [site.id, range.from, range.to]);

  const c = t.cards;
  return (
    <main class="page" data-testid="dashboard-page">
      <div class="page-head">
        <h1 class="page-title">{t.dashboardTitle}</h1>
        <div class="range">
          <label>
            {t.from}{' '}
            <input
              class="input input-small"
              type="date"
              value={range.from}
              max={range.to}
              data-testid="stats-from"
              onChange={(e) => e.currentTarget.value && setRange({ ...range, from: e.currentTarget.value })}
            />
          </label>
          <label>
            {t.to}{' '}
            <input
              class="input input-small"
              type="date"
              value={range.to}
              min={range.from}
              data-testid="stats-to"
              onChange={(e) => e.currentTarget.value && setRange({ ...range, to: e.currentTarget.value })}
            />
          </label>
        </div>
      </div>
      <ErrorText message={error} />
      {!stats && !error && <p class="muted">{strings.loading}</p>}
      {stats && (
        <>
          <div class="cards">
            <StatCard label={c.open} testId="stat-open" value={stats.open} />
            <StatCard label={c.waiting} testId="stat-waiting" value={stats.waiting} />
            <StatCard label={c.resolvedToday} testId="stat-resolved-today" value={stats.resolvedToday} />
            <StatCard label={c.missed} testId="stat-missed" value={stats.missed} />
            <StatCard label={c.agentsOnline} testId="stat-agents-online" value={stats.agentsOnline} />
            <StatCard
              label={c.avgFirstResponse}
              testId="stat-avg-first-response"
              value={stats.avgFirstResponseSeconds}
              duration
            />
            <StatCard
              label={c.medianFirstResponse}
              testId="stat-median-first-response"
              value={stats.medianFirstResponseSeconds}
              duration
            />
            <StatCard
              label={c.avgResolution}
              testId="stat-avg-resolution"
              value={stats.avgResolutionSeconds}
              duration
            />
            <StatCard
              label={settingsStrings.csat}
              testId="stat-csat"
              value={stats.avgRating ?? null}
              text={csatText(stats)}
            />
          </div>
          <section class="card">
            <h3 class="card-title">{t.perAgentTitle}</h3>
            {stats.perAgent.length === 0 ? (
              <p class="muted">{t.noAgentStats}</p>
            ) : (
              <div class="table-scroll">
                <table class="table">
                  <thead>
                    <tr>
                      <th>{t.colName}</th>
                      <th class="num">{t.colAssigned}</th>
                      <th class="num">{t.colOpen}</th>
                      <th class="num">{t.colResolved}</th>
                      <th class="num">{t.colAvgFirstResponse}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {stats.perAgent.map((a) => (
                      <tr key={a.agentId} data-testid="stat-agent-row" data-agent-id={a.agentId}>
                        <td>{a.name}</td>
                        <td class="num" data-testid="stat-agent-assigned">
                          {a.assigned}
                        </td>
                        <td class="num" data-testid="stat-agent-open">
                          {a.open}
                        </td>
                        <td class="num" data-testid="stat-agent-resolved">
                          {a.resolved}
                        </td>
                        <td
                          class="num"
                          data-testid="stat-agent-avg-first-response"
                          data-value={a.avgFirstResponseSeconds ?? ''}
                        >
                          {formatDuration(a.avgFirstResponseSeconds)}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>
        </>
      )}
    </main>
  );
}

// "4.5 / 5 (12)"; a dash until someone has rated (avgRating is null then).
function csatText(stats: Stats): string {
  return stats.avgRating === null || stats.avgRating === undefined
    ? '—'
    : settingsStrings.csatValue(stats.avgRating, stats.ratings);
}
