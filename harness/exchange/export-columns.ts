/**
 * The flat layout of `baton export-results`: one row per attempt, with its run, model and task
 * alongside (repeated values compress to almost nothing in Parquet). A file is therefore
 * self-describing: `baton import baton` and `baton merge` rebuild the run from it alone.
 * JSON-valued columns are JSON text so that the CSV and Parquet forms hold the same values.
 */
export const exportSelectSql = `SELECT
  a.run_id, r.source AS run_source, r.status AS run_status, r.started_at AS run_started_at, r.seed AS run_seed, r.simulated AS run_simulated,
  r.planned_attempts AS run_planned_attempts, r.config_file AS run_config_file, r.config_hash AS run_config_hash,
  CAST(r.suite_paths AS VARCHAR) AS run_suite_paths, CAST(r.suites AS VARCHAR) AS run_suites, r.git_revision AS run_git_revision,
  CAST(r.package_versions AS VARCHAR) AS run_package_versions, CAST(r.price_snapshot AS VARCHAR) AS run_price_snapshot,
  r.baton_version AS run_baton_version, CAST(r.options AS VARCHAR) AS run_options,
  m.provider AS model_provider, m.model AS model_name, m.connection_key AS model_connection_key, CAST(m.price AS VARCHAR) AS model_price,
  CAST(m.attributes AS VARCHAR) AS model_attributes, m.simulated AS model_simulated,
  t.suite_version AS task_suite_version, t.category AS task_category, CAST(to_json(t.tags) AS VARCHAR) AS task_tags, t.system AS task_system,
  t.prompt AS task_prompt, t.prompt_hash AS task_prompt_hash, CAST(t.expected AS VARCHAR) AS task_expected, CAST(t.scorer AS VARCHAR) AS task_scorer, t.repeats AS task_repeats,
  a.suite_id, a.task_id, a.model_id, a.repeat_index, a.status, a.output, a.score, a.passed, a.extracted, a.explanation, a.finish_reason,
  a.input_tokens, a.output_tokens, a.cached_input_tokens, a.cache_write_tokens, a.reasoning_tokens, a.cost_usd, a.latency_ms, a.ttft_ms,
  a.retries, a.error_code, a.error_message, a.started_at, a.finished_at, a.check_passed
FROM attempts a JOIN runs r ON r.run_id = a.run_id
  JOIN run_models m ON m.run_id = a.run_id AND m.model_id = a.model_id
  JOIN tasks t ON t.run_id = a.run_id AND t.suite_id = a.suite_id AND t.task_id = a.task_id`;

/** Columns a file must have to be read back as a baton export. */
export const requiredExportColumns = [
  'run_id', 'run_source', 'run_status', 'run_started_at', 'run_seed', 'run_simulated', 'run_planned_attempts', 'run_config_file', 'run_config_hash', 'run_suite_paths', 'run_suites',
  'run_git_revision', 'run_package_versions', 'run_price_snapshot', 'run_baton_version', 'run_options',
  'model_provider', 'model_name', 'model_connection_key', 'model_price', 'model_attributes', 'model_simulated',
  'task_suite_version', 'task_category', 'task_tags', 'task_system', 'task_prompt', 'task_prompt_hash', 'task_expected', 'task_scorer', 'task_repeats',
  'suite_id', 'task_id', 'model_id', 'repeat_index', 'status', 'output', 'score', 'passed', 'extracted', 'explanation', 'finish_reason',
  'input_tokens', 'output_tokens', 'cached_input_tokens', 'cache_write_tokens', 'reasoning_tokens', 'cost_usd', 'latency_ms', 'ttft_ms',
  'retries', 'error_code', 'error_message', 'started_at', 'finished_at', 'check_passed',
] as const;
