-- Personal reminders; each has a due job (kind 'reminder.fire', key = id) that fires it.
CREATE TABLE reminders (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    platform TEXT NOT NULL,
    owner_id TEXT NOT NULL,
    owner_name TEXT NOT NULL,
    channel_id TEXT NOT NULL,
    thread_id TEXT NULL,
    text TEXT NOT NULL,
    due_at BIGINT NOT NULL,          -- unix milliseconds: the next firing
    time_zone TEXT NOT NULL,     -- IANA id the times were meant in
    cron TEXT NULL,              -- five-field cron for recurring reminders, evaluated in time_zone
    created_at BIGINT NOT NULL
);
CREATE INDEX ix_reminders_owner ON reminders (platform, owner_id);
CREATE INDEX ix_reminders_channel ON reminders (platform, channel_id);

-- Each user's time zone, set with the timezone command.
CREATE TABLE user_time_zones (
    platform TEXT NOT NULL,
    user_id TEXT NOT NULL,
    time_zone TEXT NOT NULL,
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (platform, user_id)
);
