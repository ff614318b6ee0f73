/**
 * The D1 migrations this build expects, in order: the files in migrations/. The health route compares
 * them with the database's d1_migrations table; routes.test.ts fails when a file is added without a line here.
 */
export const EXPECTED_MIGRATIONS: readonly string[] = [
  '0001_init.sql',
  '0002_team_lifecycle.sql',
  '0003_widget.sql',
  '0004_agent_tools.sql',
  '0005_email.sql',
  '0006_token_revocation.sql',
  '0007_search_stats_indexes.sql',
  '0008_projection_batches.sql',
  '0009_audit_log.sql',
  '0010_blocks.sql',
  '0011_auth_protection.sql',
  '0012_article_views.sql',
  '0013_api_tokens.sql',
  '0014_webhooks.sql',
  '0015_privacy.sql',
];
