-- Durable due jobs (reminders, countdown posts, poll closes). One row per (kind, key); claims lease a row to one instance.
CREATE TABLE due_jobs (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind TEXT NOT NULL,
    key TEXT NOT NULL,
    payload TEXT NOT NULL,
    due_at BIGINT NOT NULL,       -- unix milliseconds
    lease_owner TEXT NULL,        -- instance id holding the job, NULL when free
    lease_until BIGINT NULL,      -- unix milliseconds; claimable again once passed (also the retry-after of a failed job)
    attempt INTEGER NOT NULL DEFAULT 0,
    UNIQUE (kind, key)
);
-- Claims and the next-due lookup walk this index from the oldest due time; future jobs are never read.
CREATE INDEX ix_due_jobs_due_at ON due_jobs (due_at);
