-- Retention (Storage:Retention) finds closed polls by closing time and vote delivery ids by age without a table scan.
CREATE INDEX ix_polls_closed_at ON polls (closed_at) WHERE closed_at IS NOT NULL;
CREATE INDEX ix_poll_vote_deliveries_received_at ON poll_vote_deliveries (received_at);
