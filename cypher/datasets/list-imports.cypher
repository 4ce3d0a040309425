// Every recorded import of an official list, newest first.
MATCH (d:DatasetImport)
RETURN d {.*} AS record
ORDER BY d.importedAt DESC, d.id DESC
LIMIT $limit
