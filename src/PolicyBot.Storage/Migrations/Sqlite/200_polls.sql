-- Polls and their ballots. The key makes a double vote impossible: one ballot per (poll, user), and a ballot's choices are a
-- bit set (option n = bit n-1, at most 20 options), so an option counts at most once per voter. One row per vote keeps
-- writes to two statements, which is what lets group commit reach tens of thousands of durable votes a second.
-- Booleans are 0/1 integers and times unix milliseconds, so the SQL that reads them is the same on both dialects.
CREATE TABLE polls (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    question TEXT NOT NULL,
    option_count INTEGER NOT NULL CHECK (option_count BETWEEN 2 AND 20),
    max_choices INTEGER NOT NULL CHECK (max_choices >= 1),
    anonymous INTEGER NOT NULL CHECK (anonymous IN (0, 1)),
    hidden_results INTEGER NOT NULL CHECK (hidden_results IN (0, 1)),
    creator_id TEXT NOT NULL,
    platform TEXT NOT NULL,
    channel_id TEXT NOT NULL,
    thread_id TEXT NULL,
    created_at INTEGER NOT NULL,
    closes_at INTEGER NULL,
    closed_at INTEGER NULL,
    card_message_id TEXT NULL,
    results_posted INTEGER NOT NULL DEFAULT 0 CHECK (results_posted IN (0, 1))
);
CREATE INDEX ix_polls_open_by_channel ON polls (platform, channel_id, id) WHERE closed_at IS NULL;

CREATE TABLE poll_options (
    poll_id INTEGER NOT NULL REFERENCES polls (id) ON DELETE CASCADE,
    number INTEGER NOT NULL CHECK (number >= 1),
    label TEXT NOT NULL,
    PRIMARY KEY (poll_id, number)
) WITHOUT ROWID;

-- One ballot per user per poll; voting again replaces it.
CREATE TABLE poll_ballots (
    poll_id INTEGER NOT NULL REFERENCES polls (id) ON DELETE CASCADE,
    user_id TEXT NOT NULL CHECK (length(user_id) BETWEEN 1 AND 200),
    choices INTEGER NOT NULL CHECK (choices > 0 AND choices < 1048576),
    cast_at INTEGER NOT NULL,
    delivery_id TEXT NOT NULL,
    PRIMARY KEY (poll_id, user_id)
) WITHOUT ROWID;

-- Delivery ids of applied votes: a vote delivered twice is applied once, even after a later vote by the same user.
CREATE TABLE poll_vote_deliveries (
    delivery_id TEXT PRIMARY KEY,
    poll_id INTEGER NOT NULL REFERENCES polls (id) ON DELETE CASCADE,
    received_at INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX ix_poll_vote_deliveries_poll ON poll_vote_deliveries (poll_id);
