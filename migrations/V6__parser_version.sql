-- The version of the parser that made each parse result (org.gardpipeline.parse.ParserVersions). A parse is kept
-- under its document's bytes and stands for the same bytes in later fetches; when a parser's output changes, a run
-- finds results of another version and derives the history again from the raw documents, so that the software's
-- change is never recorded as GARD's.
--
-- The rows before this version were made by the parsers of the release before, each version 1; a quarantined
-- document's result carries the sum of the versions of all parsers (then four, at 1 each), which grows when any
-- parser changes or a format is added.
ALTER TABLE parse_result ADD COLUMN parser_version INTEGER NOT NULL DEFAULT 1;
UPDATE parse_result SET parser_version = 4 WHERE format IS NULL;
-- Every run asks which versions the stored results carry: read from this index, not from every result.
CREATE INDEX parse_result_parser ON parse_result (format, parser_version);
