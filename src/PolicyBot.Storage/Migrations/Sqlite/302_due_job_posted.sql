-- When a job's message was posted (unix milliseconds), recorded before anything else the job does can fail: a retry
-- after a crash then skips the post. NULL until posted; cleared when the job is rescheduled for its next occurrence.
ALTER TABLE due_jobs ADD COLUMN posted_at INTEGER NULL;
