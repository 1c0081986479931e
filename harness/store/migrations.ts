/**
 * The store's schema, as an ordered list of migrations. A database records the version it
 * reached; opening it applies the rest. Never edit a released migration: append a new one.
 */
export const migrations: readonly string[] = [
  `
  CREATE TABLE runs (
    run_id VARCHAR PRIMARY KEY,
    status VARCHAR NOT NULL,              -- running | completed | interrupted | failed | budget_stopped
    started_at TIMESTAMP NOT NULL,
    finished_at TIMESTAMP,
    seed BIGINT NOT NULL,
    simulated BOOLEAN NOT NULL,           -- true when any model of the run is simulated
    planned_attempts BIGINT NOT NULL,
    source VARCHAR NOT NULL,              -- run | import | rescore | merge
    parent_run_id VARCHAR,
    config_file VARCHAR,
    config_hash VARCHAR NOT NULL,         -- of the parsed config, which holds no secrets
    suite_paths JSON NOT NULL,            -- as the user gave them, for --resume
    suites JSON NOT NULL,                 -- [{id, version, file, hash}]
    git_revision VARCHAR,
    package_versions JSON NOT NULL,
    price_snapshot JSON NOT NULL,         -- {model_id: price or null}
    baton_version VARCHAR NOT NULL,
    options JSON NOT NULL                 -- run options that shape results (repeats override, shard, ...)
  );
  CREATE TABLE run_models (
    run_id VARCHAR NOT NULL,
    model_id VARCHAR NOT NULL,
    provider VARCHAR NOT NULL,
    model VARCHAR NOT NULL,
    connection_key VARCHAR NOT NULL,
    price JSON,
    attributes JSON NOT NULL,
    simulated BOOLEAN NOT NULL,
    PRIMARY KEY (run_id, model_id)
  );
  CREATE TABLE tasks (
    run_id VARCHAR NOT NULL,
    suite_id VARCHAR NOT NULL,
    task_id VARCHAR NOT NULL,
    suite_version VARCHAR NOT NULL,
    category VARCHAR NOT NULL,
    tags VARCHAR[] NOT NULL,
    system VARCHAR,
    prompt VARCHAR NOT NULL,
    prompt_hash VARCHAR NOT NULL,
    expected JSON,
    scorer JSON NOT NULL,
    repeats INTEGER NOT NULL,
    PRIMARY KEY (run_id, suite_id, task_id)
  );
  CREATE TABLE attempts (
    run_id VARCHAR NOT NULL,
    suite_id VARCHAR NOT NULL,
    task_id VARCHAR NOT NULL,
    model_id VARCHAR NOT NULL,
    repeat_index INTEGER NOT NULL,
    status VARCHAR NOT NULL,              -- ok | error | timeout | skipped
    output VARCHAR,
    score DOUBLE,
    passed BOOLEAN,
    extracted VARCHAR,
    explanation VARCHAR,
    finish_reason VARCHAR,
    input_tokens BIGINT,
    output_tokens BIGINT,
    cached_input_tokens BIGINT,
    cache_write_tokens BIGINT,
    reasoning_tokens BIGINT,
    cost_usd DOUBLE,
    latency_ms DOUBLE,
    ttft_ms DOUBLE,
    retries INTEGER NOT NULL,
    error_code VARCHAR,
    error_message VARCHAR,
    started_at TIMESTAMP NOT NULL,
    finished_at TIMESTAMP NOT NULL,
    PRIMARY KEY (run_id, suite_id, task_id, model_id, repeat_index)
  );
  `,
  // 2: scoring. The suite's runtime check on each attempt (for offline cascade evaluation), and judge
  // calls in their own table so that a judge's cost never mixes with the candidate's.
  `
  ALTER TABLE attempts ADD COLUMN check_passed BOOLEAN;
  CREATE TABLE judgments (
    run_id VARCHAR NOT NULL,
    suite_id VARCHAR NOT NULL,
    task_id VARCHAR NOT NULL,
    model_id VARCHAR NOT NULL,            -- the candidate model whose answer was judged
    repeat_index INTEGER NOT NULL,
    judge_index INTEGER NOT NULL,         -- position of the judge in the scorer's panel
    judge_model_id VARCHAR NOT NULL,
    prompt_hash VARCHAR NOT NULL,         -- same rubric, question and answer: same hash
    status VARCHAR NOT NULL,              -- ok | error | timeout
    output VARCHAR,
    verdict DOUBLE,                       -- on the rubric's scale
    score DOUBLE,                         -- verdict mapped to [0, 1]
    reasoning VARCHAR,
    input_tokens BIGINT,
    output_tokens BIGINT,
    reasoning_tokens BIGINT,
    cost_usd DOUBLE,
    latency_ms DOUBLE,
    retries INTEGER NOT NULL,
    error_code VARCHAR,
    error_message VARCHAR,
    created_at TIMESTAMP NOT NULL
  );
  `,
  // 3: \`tasks\` without its primary key. A run's plan is written in one transaction, where the key's
  // index was built twice (the transaction's own, then the table's at commit): ~100 bytes per task
  // at the peak of a run's memory (~50 MB for 500,000 tasks). Task ids are unique within a suite
  // and suite ids within a run before anything is written (the suite loader refuses duplicates),
  // and imports group their rows by task; a run's attempts keep their key.
  `
  CREATE TABLE tasks_unkeyed (
    run_id VARCHAR NOT NULL,
    suite_id VARCHAR NOT NULL,
    task_id VARCHAR NOT NULL,
    suite_version VARCHAR NOT NULL,
    category VARCHAR NOT NULL,
    tags VARCHAR[] NOT NULL,
    system VARCHAR,
    prompt VARCHAR NOT NULL,
    prompt_hash VARCHAR NOT NULL,
    expected JSON,
    scorer JSON NOT NULL,
    repeats INTEGER NOT NULL
  );
  INSERT INTO tasks_unkeyed SELECT * FROM tasks;
  DROP TABLE tasks;
  ALTER TABLE tasks_unkeyed RENAME TO tasks;
  `,
];

/** The schema version this build writes. */
export const schemaVersion = migrations.length;
