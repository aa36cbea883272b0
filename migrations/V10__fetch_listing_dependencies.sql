-- The files outside a fetch's folder that its listing (listing_sha256) took in: the packed files of earlier folders
-- that its WARC file's revisits refer to, as its warcinfo record names them, relative to the folder, one a line
-- ('' for none). Kept with the listing, so that a run checks the listing without opening the WARC file to find
-- them; NULL where the listing was kept by an earlier release (the next run that finds it unchanged fills it in).
ALTER TABLE fetch ADD COLUMN listing_dependencies TEXT;
