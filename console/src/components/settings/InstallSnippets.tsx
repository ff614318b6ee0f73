// The install card: the embed snippet, then identify with a server-computed hash; each copyable.
import type { Site } from '../../../../protocol';
import { apiBase } from '../../api';
import { identifySnippet, installSnippet, serverHashSnippet } from '../../state/snippet';
import { settingsStrings as t } from '../../strings-settings';
import { CopyButton, SettingsCard } from './controls';

/** Snippets to paste into the customer's site. */
export function InstallSnippets({ site }: { site: Site }) {
  // The widget is served by the worker, which is where the API lives (apiBase), not necessarily the console's host.
  const embed = installSnippet(apiBase, site.key);
  return (
    <SettingsCard title={t.install} hint={t.installHint}>
      <Snippet text={embed} testId="install-snippet" />
      <h4 class="settings-subtitle">{t.jsApi}</h4>
      <p class="muted small settings-hint">{t.jsApiHint}</p>
      <Snippet text={identifySnippet()} testId="identify-snippet" />
      <p class="muted small settings-hint">{t.serverHint}</p>
      <Snippet text={serverHashSnippet()} testId="server-hash-snippet" />
    </SettingsCard>
  );
}

function Snippet({ text, testId }: { text: string; testId: string }) {
  return (
    <div class="snippet">
      <pre class="snippet-code" data-testid={testId}>
        <code>{text}</code>
      </pre>
      <CopyButton text={text} testId={`${testId}-copy`} />
    </div>
  );
}
