-- Platform delivery ids already handled (retried Slack events, replayed gateway dispatches).
CREATE TABLE delivery_log (
    delivery_id TEXT PRIMARY KEY,
    received_at INTEGER NOT NULL -- unix milliseconds
);
CREATE INDEX ix_delivery_log_received_at ON delivery_log (received_at);
