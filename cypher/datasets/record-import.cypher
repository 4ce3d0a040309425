// Records one import of an official list, in the import's own transaction: what the file was
// (publisher, page, licence, version, digest) and what it came to (counts by kind of change).
CREATE (d:DatasetImport)
SET d = $record
RETURN d.id AS id
