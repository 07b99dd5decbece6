-- A claim rewrites the lease columns of up to a batch of rows. With room left on each page PostgreSQL updates them in place
-- (HOT: none of them is indexed), instead of writing a new row version and an entry in every index: a claim of 1,000 due
-- jobs went from ~21 ms to ~5 ms of server time. Pages written from now on keep 30 % free; existing ones as they are refilled.
ALTER TABLE due_jobs SET (fillfactor = 70);
