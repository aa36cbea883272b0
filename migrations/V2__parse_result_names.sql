-- What each parse named its page (title, slug, other names), so that a document taken from an earlier parse
-- of its bytes names its page as a fresh parse would. Rows parsed before this version have none; their bytes
-- are parsed again the next time they are seen.
ALTER TABLE parse_result ADD COLUMN title TEXT;
ALTER TABLE parse_result ADD COLUMN slug TEXT;
ALTER TABLE parse_result ADD COLUMN synonyms TEXT;
