-- PostgreSQL leaves room on due_jobs pages so claims update rows in place; SQLite has no such setting (a claim is
-- already ~8 ms there). Kept so both dialects number their migrations alike.
SELECT 1;
