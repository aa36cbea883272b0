-- What the files a fetch was read from looked like to the file system (names, sizes, modification and change
-- times, inodes), kept by the first run that finds the fetch ingested and its bytes unchanged; a later run that
-- finds the same listing knows the fetch without reading its files. NULL until then, and when the files could
-- not stand for their bytes (written moments before, or no Unix file attributes).
ALTER TABLE fetch ADD COLUMN listing_sha256 TEXT;
