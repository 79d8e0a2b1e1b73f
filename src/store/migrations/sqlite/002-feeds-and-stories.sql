-- 002 feeds and stories: what `sitrep watch` keeps about each feed it follows (conditional GET,
-- backoff), and stories: the same article at several addresses, or the same wire copy carried by
-- several outlets, read once, with every address and outlet that carried it.
--
-- FROZEN once released: never edit this file, add 003-....sql instead. Plain portable SQL; the
-- PostgreSQL twin in ../postgres/ has the same tables, columns and meanings (keys COLLATE "C",
-- DOUBLE PRECISION for REAL). Timestamps are TEXT ISO 8601 in UTC, as in 001.

CREATE TABLE feeds (
  url TEXT PRIMARY KEY,
  -- Conditional GET: the validators of the last 200 answer.
  etag TEXT,
  last_modified TEXT,
  -- The last attempt: its HTTP status (NULL when there was no answer) and error, if any.
  last_status INTEGER,
  last_error TEXT,
  last_checked_at TEXT,
  last_ok_at TEXT,
  -- Failed attempts in a row; the feed is not polled before next_check_at (exponential backoff).
  failures INTEGER NOT NULL DEFAULT 0,
  next_check_at TEXT,
  -- Items read from the feed, all time.
  items_read INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE stories (
  id TEXT PRIMARY KEY,
  -- The copy that was read (extracted and stored); NULL once that document is deleted.
  document_id TEXT REFERENCES documents (id) ON DELETE SET NULL,
  title TEXT,
  -- MinHash signature of the text's word shingles (hex), NULL for a text too short to compare;
  -- shingles is the size of the shingle set the signature stands for.
  signature TEXT,
  shingles INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL
);

CREATE INDEX stories_document ON stories (document_id);

-- Each address, and the outlet at it, that carried a story; one address belongs to one story.
CREATE TABLE story_outlets (
  -- The canonical URL (tracking parameters, AMP and mobile hosts taken off).
  url TEXT PRIMARY KEY,
  story_id TEXT NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
  outlet TEXT,
  title TEXT,
  published TEXT,
  -- How it joined the story: 'first' (the copy read), 'same-url', 'near-duplicate'.
  link TEXT NOT NULL,
  -- For a near-duplicate: the estimated share of the shorter text found in the other (0..1).
  similarity REAL,
  seen_at TEXT NOT NULL
);

CREATE INDEX story_outlets_story ON story_outlets (story_id);

-- Locality-sensitive hashing: the bands of each story's signature. Stories that share a band
-- are the candidates a new text is compared with.
CREATE TABLE story_bands (
  story_id TEXT NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
  band INTEGER NOT NULL,
  hash TEXT NOT NULL,
  PRIMARY KEY (story_id, band)
);

CREATE INDEX story_bands_lookup ON story_bands (band, hash);
