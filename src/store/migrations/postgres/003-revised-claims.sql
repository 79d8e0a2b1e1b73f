-- 003 revised claims: a claim that revises a toll ("the death toll rose to 14") supersedes the
-- earlier counts of the same event instead of competing with them as a conflicting report.
-- 1 for a revised toll, 0 for every other claim (all claims stored before this migration).
--
-- FROZEN once released: never edit this file, add 004-....sql instead. Plain portable SQL; the
-- twin in the other dialect's folder is the same statement.

ALTER TABLE claims ADD COLUMN revised INTEGER NOT NULL DEFAULT 0;
