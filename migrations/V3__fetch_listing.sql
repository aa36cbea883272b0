-- What the files a fetch was read from looked like to the file system when it was ingested (names, sizes,
-- change times, inodes), so that a later run finds a fetch folder unchanged without reading its files. NULL when
-- they could not stand for its bytes (files written moments before, or no Unix file attributes) and for fetches
-- ingested before this version: those are hashed once more, and the listing is kept when the bytes match.
ALTER TABLE fetch ADD COLUMN listing_sha256 TEXT;
