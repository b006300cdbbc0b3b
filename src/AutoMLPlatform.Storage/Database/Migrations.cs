namespace AutoMLPlatform.Storage.Database;

/// <summary>
/// Every schema change in order. Append only: a released migration is never edited, the next one alters it.
/// Types are chosen to mean the same in SQLite and PostgreSQL: TEXT, BIGINT, INTEGER, DOUBLE PRECISION;
/// times are Unix milliseconds; ids are GUID text; every row carries its tenant.
/// </summary>
internal static class Migrations
{
    public static IReadOnlyList<Migration> All { get; } =
    [
        new(1, "datasets, jobs, trials, registry", """
            CREATE TABLE datasets (
                id TEXT PRIMARY KEY,
                tenant_id TEXT NOT NULL,
                name TEXT NOT NULL,
                latest_version INTEGER NOT NULL,
                created_at BIGINT NOT NULL,
                UNIQUE (tenant_id, name)
            );
            CREATE TABLE dataset_versions (
                dataset_id TEXT NOT NULL REFERENCES datasets (id),
                version INTEGER NOT NULL,
                tenant_id TEXT NOT NULL,
                sha256 TEXT NOT NULL,
                size_bytes BIGINT NOT NULL,
                row_count BIGINT NOT NULL,
                format TEXT NOT NULL,
                schema_json TEXT NOT NULL,
                created_at BIGINT NOT NULL,
                PRIMARY KEY (dataset_id, version)
            );
            CREATE TABLE jobs (
                id TEXT PRIMARY KEY,
                tenant_id TEXT NOT NULL,
                spec_json TEXT NOT NULL,
                status TEXT NOT NULL,
                attempt INTEGER NOT NULL,
                cancel_requested INTEGER NOT NULL DEFAULT 0,
                progress_json TEXT NOT NULL,
                error TEXT NULL,
                result_model TEXT NULL,
                result_version INTEGER NULL,
                created_at BIGINT NOT NULL,
                started_at BIGINT NULL,
                finished_at BIGINT NULL,
                heartbeat_at BIGINT NULL
            );
            CREATE INDEX ix_jobs_tenant_created ON jobs (tenant_id, created_at);
            CREATE INDEX ix_jobs_status ON jobs (status);
            CREATE TABLE trials (
                job_id TEXT NOT NULL REFERENCES jobs (id),
                attempt INTEGER NOT NULL,
                number INTEGER NOT NULL,
                trainer TEXT NOT NULL,
                hyperparameters_json TEXT NOT NULL,
                score DOUBLE PRECISION NULL,
                metrics_json TEXT NOT NULL,
                duration_ms BIGINT NOT NULL,
                error TEXT NULL,
                PRIMARY KEY (job_id, attempt, number)
            );
            CREATE TABLE models (
                tenant_id TEXT NOT NULL,
                name TEXT NOT NULL,
                latest_version INTEGER NOT NULL,
                created_at BIGINT NOT NULL,
                PRIMARY KEY (tenant_id, name)
            );
            CREATE TABLE model_versions (
                tenant_id TEXT NOT NULL,
                model_name TEXT NOT NULL,
                version INTEGER NOT NULL,
                task TEXT NOT NULL,
                label TEXT NOT NULL,
                metric TEXT NOT NULL,
                metrics_json TEXT NOT NULL,
                inputs_json TEXT NOT NULL,
                classes_json TEXT NOT NULL,
                lineage_json TEXT NOT NULL,
                artifact_sha256 TEXT NOT NULL,
                artifact_size BIGINT NOT NULL,
                created_at BIGINT NOT NULL,
                PRIMARY KEY (tenant_id, model_name, version),
                FOREIGN KEY (tenant_id, model_name) REFERENCES models (tenant_id, name)
            );
            CREATE TABLE model_aliases (
                tenant_id TEXT NOT NULL,
                model_name TEXT NOT NULL,
                alias TEXT NOT NULL,
                version INTEGER NOT NULL,
                updated_at BIGINT NOT NULL,
                PRIMARY KEY (tenant_id, model_name, alias)
            );
            CREATE TABLE alias_history (
                tenant_id TEXT NOT NULL,
                model_name TEXT NOT NULL,
                alias TEXT NOT NULL,
                seq INTEGER NOT NULL,
                version INTEGER NOT NULL,
                changed_at BIGINT NOT NULL,
                PRIMARY KEY (tenant_id, model_name, alias, seq)
            );
            CREATE TABLE registry_revision (
                id INTEGER PRIMARY KEY,
                revision BIGINT NOT NULL
            );
            INSERT INTO registry_revision (id, revision) VALUES (1, 0);
            """),

        // A run is active until finished_at is set; the partial unique index lets a pipeline have one active run at a
        // time, whichever process inserts it: the database, not Hangfire, keeps two runs from overlapping.
        new(2, "retraining pipelines and their runs", """
            CREATE TABLE pipelines (
                tenant_id TEXT NOT NULL,
                name TEXT NOT NULL,
                definition_json TEXT NOT NULL,
                source TEXT NOT NULL,
                created_at BIGINT NOT NULL,
                updated_at BIGINT NOT NULL,
                PRIMARY KEY (tenant_id, name)
            );
            CREATE TABLE pipeline_runs (
                id TEXT PRIMARY KEY,
                tenant_id TEXT NOT NULL,
                pipeline_name TEXT NOT NULL,
                definition_json TEXT NOT NULL,
                run_trigger TEXT NOT NULL,
                status TEXT NOT NULL,
                attempt INTEGER NOT NULL,
                failures INTEGER NOT NULL,
                dataset_id TEXT NULL,
                dataset_version INTEGER NULL,
                job_id TEXT NULL,
                job_ids_json TEXT NOT NULL,
                decision_json TEXT NULL,
                error TEXT NULL,
                created_at BIGINT NOT NULL,
                started_at BIGINT NULL,
                finished_at BIGINT NULL,
                heartbeat_at BIGINT NULL
            );
            CREATE INDEX ix_pipeline_runs_pipeline ON pipeline_runs (tenant_id, pipeline_name, created_at);
            CREATE INDEX ix_pipeline_runs_status ON pipeline_runs (status);
            CREATE UNIQUE INDEX ux_pipeline_runs_active ON pipeline_runs (tenant_id, pipeline_name) WHERE finished_at IS NULL;
            """),
        new(3, "tenants, API keys, audit trail", """
            CREATE TABLE tenants (
                id TEXT PRIMARY KEY,
                name TEXT NOT NULL,
                created_at BIGINT NOT NULL,
                deleted_at BIGINT NULL,
                data_key_master_id TEXT NULL,
                data_key TEXT NULL
            );
            CREATE TABLE api_keys (
                id TEXT PRIMARY KEY,
                tenant_id TEXT NOT NULL,
                name TEXT NOT NULL,
                scopes INTEGER NOT NULL,
                sha256 TEXT NOT NULL UNIQUE,
                created_at BIGINT NOT NULL,
                expires_at BIGINT NULL,
                revoked_at BIGINT NULL
            );
            CREATE INDEX ix_api_keys_tenant ON api_keys (tenant_id);
            CREATE TABLE audit_log (
                sequence BIGINT PRIMARY KEY,
                at BIGINT NOT NULL,
                tenant_id TEXT NOT NULL,
                key_id TEXT NULL,
                action TEXT NOT NULL,
                target TEXT NOT NULL,
                outcome TEXT NOT NULL,
                previous_hash TEXT NOT NULL,
                hash TEXT NOT NULL
            );
            CREATE INDEX ix_audit_tenant ON audit_log (tenant_id, sequence);
            CREATE TABLE audit_head (
                id INTEGER PRIMARY KEY,
                sequence BIGINT NOT NULL,
                hash TEXT NOT NULL
            );
            INSERT INTO audit_head (id, sequence, hash) VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
            """),

        // Deleting keeps the rows as tombstones (lineage still names them); only the blobs go.
        new(4, "tombstones for deleted datasets and model versions", """
            ALTER TABLE datasets ADD COLUMN deleted_at BIGINT NULL;
            ALTER TABLE dataset_versions ADD COLUMN deleted_at BIGINT NULL;
            ALTER TABLE model_versions ADD COLUMN deleted_at BIGINT NULL;
            """),

        // Reports and importances are written after a version is registered (or later, on request), so they live
        // beside the immutable version row rather than in it: one document per (version, kind), replaced as a whole.
        new(5, "evaluation reports and feature importance per model version", """
            CREATE TABLE model_insights (
                tenant_id TEXT NOT NULL,
                model_name TEXT NOT NULL,
                version INTEGER NOT NULL,
                kind TEXT NOT NULL,
                document_json TEXT NOT NULL,
                updated_at BIGINT NOT NULL,
                PRIMARY KEY (tenant_id, model_name, version, kind)
            );
            """),

        // Drift counters are added to, never replaced, by every scoring host: one row per counter makes a flush an
        // additive upsert that two hosts can run at once, where one document per version would need read-modify-write.
        // Bounded by the reference: (columns + 1) × (bins + 2) rows per version, a few hundred at most.
        new(6, "drift counters per model version", """
            CREATE TABLE model_drift (
                tenant_id TEXT NOT NULL,
                model_name TEXT NOT NULL,
                version INTEGER NOT NULL,
                column_index INTEGER NOT NULL,
                bin INTEGER NOT NULL,
                count BIGINT NOT NULL,
                PRIMARY KEY (tenant_id, model_name, version, column_index, bin)
            );
            """),

        // Set once, when a drift check starts the run: which column drifted, by how much, on which champion.
        new(7, "why a drift check started a pipeline run", """
            ALTER TABLE pipeline_runs ADD COLUMN drift_json TEXT NULL;
            """),

        // A fanned-out job's parts, per attempt: the job row stays the truth of the job, these say which part of its
        // search ran where and what it found. Outcomes are JSON: read back only by the worker that picks the winner.
        new(8, "parts of fanned-out jobs", """
            CREATE TABLE job_parts (
                job_id TEXT NOT NULL REFERENCES jobs (id),
                attempt INTEGER NOT NULL,
                part INTEGER NOT NULL,
                status TEXT NOT NULL,
                worker TEXT NULL,
                heartbeat_at BIGINT NULL,
                outcome_json TEXT NULL,
                error TEXT NULL,
                PRIMARY KEY (job_id, attempt, part)
            );
            """),

        // Why the search gave each trial to its trainer, shown on the leaderboard (null for older trials).
        new(9, "why each trial went to its trainer", """
            ALTER TABLE trials ADD COLUMN selection TEXT NULL;
            """),

        // A job registers at most one version: the unique index makes registration idempotent by job id, so a retry
        // after a failure past registration (the "succeeded" write, a lost lease) finds the version instead of adding one.
        // Versions registered before this migration keep a null job id (their lineage still names the job).
        new(10, "model versions keyed by the job that registered them", """
            ALTER TABLE model_versions ADD COLUMN job_id TEXT NULL;
            CREATE UNIQUE INDEX ux_model_versions_job ON model_versions (job_id) WHERE job_id IS NOT NULL;
            """),

        // An audited action's intent, written before the action runs and removed in the transaction that appends its
        // entry: what a process that died in between leaves here is appended later with an unknown outcome.
        new(11, "audited actions begun and not yet recorded", """
            CREATE TABLE audit_intents (
                id TEXT PRIMARY KEY,
                at BIGINT NOT NULL,
                tenant_id TEXT NOT NULL,
                key_id TEXT NULL,
                action TEXT NOT NULL,
                target TEXT NOT NULL
            );
            CREATE INDEX ix_audit_intents_at ON audit_intents (at);
            """),

        // The prediction log (docs/feedback.md). Inputs are sealed per written batch and model under the tenant's data
        // key (prediction_inputs, one encrypted JSON array per block; a row names its block and place), so encryption
        // costs one seal per batch, not per row. Outputs and feedback stay plain: live quality reads them in SQL order.
        // A block's created_at is its newest row's time, so retention deletes a block only once all its rows are gone.
        new(12, "prediction log, its sealed inputs and feedback", """
            CREATE TABLE prediction_log_settings (
                tenant_id TEXT NOT NULL,
                model_name TEXT NOT NULL,
                sample_rate DOUBLE PRECISION NOT NULL,
                retention_days INTEGER NOT NULL,
                updated_at BIGINT NOT NULL,
                PRIMARY KEY (tenant_id, model_name)
            );
            CREATE TABLE prediction_inputs (
                id TEXT PRIMARY KEY,
                tenant_id TEXT NOT NULL,
                model_name TEXT NOT NULL,
                created_at BIGINT NOT NULL,
                sealed TEXT NOT NULL
            );
            CREATE INDEX ix_prediction_inputs_time ON prediction_inputs (created_at);
            CREATE TABLE prediction_log (
                id TEXT PRIMARY KEY,
                tenant_id TEXT NOT NULL,
                model_name TEXT NOT NULL,
                version INTEGER NOT NULL,
                predicted_at BIGINT NOT NULL,
                inputs_id TEXT NOT NULL,
                inputs_index INTEGER NOT NULL,
                predicted_label TEXT NULL,
                predicted_value DOUBLE PRECISION NULL,
                probabilities_json TEXT NULL,
                true_label TEXT NULL,
                true_value DOUBLE PRECISION NULL,
                observed_at BIGINT NULL,
                feedback_at BIGINT NULL
            );
            CREATE INDEX ix_prediction_log_version_time ON prediction_log (tenant_id, model_name, version, predicted_at);
            CREATE INDEX ix_prediction_log_time ON prediction_log (predicted_at);
            """),

        // Set once, when a live-quality check starts the run: which metric fell past its threshold, on which champion.
        new(13, "why a live-quality check started a pipeline run", """
            ALTER TABLE pipeline_runs ADD COLUMN quality_json TEXT NULL;
            """),

        // Canary and shadow traffic (docs/feedback.md#canary-and-shadow): an alias may carry a split, read by every
        // scoring process with the alias itself. Shadow outputs go into the prediction log marked as such; shadow_of
        // names the answer a shadow row shadowed, so feedback on that answer labels the shadow row too.
        new(14, "traffic splits on aliases, shadow rows in the prediction log", """
            ALTER TABLE model_aliases ADD COLUMN canary_version INTEGER NULL;
            ALTER TABLE model_aliases ADD COLUMN canary_percent DOUBLE PRECISION NULL;
            ALTER TABLE model_aliases ADD COLUMN shadow_version INTEGER NULL;
            ALTER TABLE prediction_log ADD COLUMN shadow INTEGER NOT NULL DEFAULT 0;
            ALTER TABLE prediction_log ADD COLUMN shadow_of TEXT NULL;
            CREATE INDEX ix_prediction_log_shadow_of ON prediction_log (shadow_of) WHERE shadow_of IS NOT NULL;
            """),

        // The prediction log in blocks (docs/feedback.md#cost): one row per block of a tenant's and model's logged rows
        // spanning at most a minute, outputs readable, inputs sealed, found by time (ids are time-ordered and carry it).
        // One SQL row and its index entries per logged prediction cost more than the prediction. Feedback moves to its
        // own table, one row per labelled prediction. The blocks are bytes (BYTEA: PostgreSQL's byte string; SQLite keeps a
        // BLOB as given under any declared type), because base64 text made every block 2.7 times its size in memory. prediction_log and prediction_inputs are only read once more, to
        // move their rows into blocks at start (LegacyPredictionLog).
        new(15, "prediction log in blocks, feedback in its own table", """
            CREATE TABLE prediction_blocks (
                id TEXT PRIMARY KEY,
                tenant_id TEXT NOT NULL,
                model_name TEXT NOT NULL,
                first_at BIGINT NOT NULL,
                last_at BIGINT NOT NULL,
                row_count INTEGER NOT NULL,
                outputs BYTEA NOT NULL,
                sealed BYTEA NOT NULL
            );
            CREATE INDEX ix_prediction_blocks_model_time ON prediction_blocks (tenant_id, model_name, last_at);
            CREATE INDEX ix_prediction_blocks_time ON prediction_blocks (last_at);
            CREATE TABLE prediction_feedback (
                tenant_id TEXT NOT NULL,
                model_name TEXT NOT NULL,
                prediction_id TEXT NOT NULL,
                predicted_at BIGINT NOT NULL,
                true_label TEXT NULL,
                true_value DOUBLE PRECISION NULL,
                observed_at BIGINT NOT NULL,
                feedback_at BIGINT NOT NULL,
                PRIMARY KEY (tenant_id, model_name, prediction_id)
            );
            CREATE INDEX ix_prediction_feedback_time ON prediction_feedback (tenant_id, model_name, predicted_at);
            """),
    ];
}
