-- Answers the bot gave to ask, and members' helpful / not helpful votes on them (one vote per member per answer).
CREATE TABLE answer_log (
    answer_id TEXT PRIMARY KEY,
    question TEXT NOT NULL,
    article_slug TEXT NULL,
    declined INTEGER NOT NULL CHECK (declined IN (0, 1)),
    primary_paragraph INTEGER NULL,
    platform TEXT NOT NULL,
    channel_id TEXT NOT NULL,
    thread_id TEXT NULL,
    user_id TEXT NOT NULL,
    asked_at BIGINT NOT NULL -- unix milliseconds
);
CREATE INDEX ix_answer_log_asked_at ON answer_log (asked_at);

CREATE TABLE answer_vote (
    answer_id TEXT NOT NULL REFERENCES answer_log (answer_id) ON DELETE CASCADE,
    user_id TEXT NOT NULL,
    vote INTEGER NOT NULL CHECK (vote IN (-1, 1)),
    voted_at BIGINT NOT NULL, -- unix milliseconds
    PRIMARY KEY (answer_id, user_id)
);
