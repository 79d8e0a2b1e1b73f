-- 001 initial: documents, the events read from them with their claims and evidence, and the
-- running tallies they state. The PostgreSQL twin of ../sqlite/001-initial.sql.
--
-- FROZEN once released: never edit this file, add 002-....sql instead (migrate.test.ts holds
-- its checksum, and checks that both dialects have the same numbered files). Same tables,
-- columns, keys, indexes and meanings as the SQLite file; types differ only where the engines
-- do: DOUBLE PRECISION for SQLite's REAL, SIMILAR TO (standard SQL) for SQLite's GLOB.
--
-- Keys and dates are COLLATE "C", which compares bytes as SQLite's BINARY does, so ORDER BY
-- gives the same order on both engines whatever the server's locale.
--
-- Dates are TEXT 'YYYY-MM-DD' and timestamps TEXT ISO 8601 in UTC, so both engines return the
-- strings the pipeline wrote. JSON is TEXT. Offsets into documents.text are named span_start
-- and span_end because END is a reserved word in PostgreSQL.

CREATE TABLE documents (
  id TEXT COLLATE "C" PRIMARY KEY,
  -- sha256 of (url, or the source's id when there is no url) and the clean text: the same
  -- article ingested twice has the same key and is stored once.
  doc_key TEXT COLLATE "C" NOT NULL UNIQUE,
  external_id TEXT COLLATE "C" NOT NULL,
  url TEXT,
  outlet TEXT,
  title TEXT,
  published TEXT COLLATE "C",
  origin TEXT NOT NULL,
  language TEXT,
  text TEXT NOT NULL,
  -- The text as received, kept so documents can be re-read by a better pipeline; NULL when
  -- it was the clean text already.
  raw TEXT,
  dropped TEXT NOT NULL DEFAULT '[]',
  ingested_at TEXT NOT NULL
);

CREATE INDEX documents_url ON documents (url);
CREATE INDEX documents_published ON documents (published);

CREATE TABLE events (
  id TEXT COLLATE "C" PRIMARY KEY,
  document_id TEXT COLLATE "C" NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  -- 1-based position of the event in its document's extraction result.
  ordinal INTEGER NOT NULL,
  event_date TEXT COLLATE "C" CHECK (event_date SIMILAR TO '[0-9]{4}-[0-9]{2}-[0-9]{2}'),
  time_precision INTEGER NOT NULL CHECK (time_precision IN (1, 2, 3)),
  event_type TEXT NOT NULL CHECK (event_type IN (
    'Battles', 'Explosions/Remote violence', 'Violence against civilians',
    'Protests', 'Riots', 'Strategic developments')),
  sub_event_type TEXT NOT NULL,
  actor1 TEXT,
  assoc_actor_1 TEXT,
  inter1 INTEGER CHECK (inter1 BETWEEN 1 AND 8),
  actor2 TEXT,
  assoc_actor_2 TEXT,
  inter2 INTEGER CHECK (inter2 BETWEEN 1 AND 8),
  country TEXT,
  -- ISO 3166-1 alpha-2.
  iso TEXT,
  admin1 TEXT,
  admin2 TEXT,
  location TEXT,
  latitude DOUBLE PRECISION CHECK (latitude BETWEEN -90 AND 90),
  longitude DOUBLE PRECISION CHECK (longitude BETWEEN -180 AND 180),
  geo_precision INTEGER CHECK (geo_precision IN (1, 2, 3)),
  geonameid INTEGER,
  fatalities INTEGER CHECK (fatalities >= 0),
  injuries INTEGER CHECK (injuries >= 0),
  civilian_fatalities INTEGER CHECK (civilian_fatalities >= 0),
  notes TEXT NOT NULL,
  source TEXT,
  weapon TEXT,
  confidence DOUBLE PRECISION NOT NULL CHECK (confidence BETWEEN 0 AND 1),
  UNIQUE (document_id, ordinal)
);

-- queryEvents filters: date range (and its order), country, type. Actor and text filters are
-- substring searches, which no B-tree index serves.
CREATE INDEX events_date ON events (event_date, id);
CREATE INDEX events_iso ON events (iso);
CREATE INDEX events_country ON events (lower(country));
CREATE INDEX events_type ON events (lower(event_type));
CREATE INDEX events_sub_type ON events (lower(sub_event_type));

CREATE TABLE claims (
  event_id TEXT COLLATE "C" NOT NULL REFERENCES events (id) ON DELETE CASCADE,
  ordinal INTEGER NOT NULL,
  field TEXT NOT NULL,
  value TEXT NOT NULL,
  -- The value again when the claim states a number, so figures can be compared in SQL and
  -- read back as numbers.
  value_number DOUBLE PRECISION,
  qualifier TEXT,
  source TEXT,
  text TEXT NOT NULL,
  span_start INTEGER NOT NULL,
  span_end INTEGER NOT NULL,
  PRIMARY KEY (event_id, ordinal)
);

CREATE TABLE evidence (
  event_id TEXT COLLATE "C" NOT NULL REFERENCES events (id) ON DELETE CASCADE,
  ordinal INTEGER NOT NULL,
  text TEXT NOT NULL,
  span_start INTEGER NOT NULL,
  span_end INTEGER NOT NULL,
  PRIMARY KEY (event_id, ordinal)
);

CREATE TABLE tallies (
  document_id TEXT COLLATE "C" NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  ordinal INTEGER NOT NULL,
  what TEXT NOT NULL,
  count INTEGER NOT NULL CHECK (count >= 0),
  qualifier TEXT,
  as_of TEXT COLLATE "C",
  -- JSON array of ISO 3166-1 alpha-2 codes.
  countries TEXT NOT NULL DEFAULT '[]',
  source TEXT,
  text TEXT NOT NULL,
  span_start INTEGER NOT NULL,
  span_end INTEGER NOT NULL,
  PRIMARY KEY (document_id, ordinal)
);

CREATE INDEX tallies_as_of ON tallies (as_of);
