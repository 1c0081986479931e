/**
 * SQL for the repeat statistics: one row per (model, suite, task) of a run with `n` answered samples
 * and `c` passes. Only `ok` attempts count: errors and timeouts are infrastructure failures, reported
 * apart, never failed samples. Expects the parameter `$runId`.
 */
export const perTaskOutcomesSql = `
  SELECT a.model_id, a.suite_id, a.task_id, coalesce(t.category, '') AS category,
         count(*)::INTEGER AS n,
         (count(*) FILTER (WHERE a.passed))::INTEGER AS c
    FROM attempts a
    LEFT JOIN tasks t ON t.run_id = a.run_id AND t.suite_id = a.suite_id AND t.task_id = a.task_id
   WHERE a.run_id = $runId AND a.status = 'ok'
   GROUP BY ALL`;
