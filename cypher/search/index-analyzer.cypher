// The analyzer of the search index: api/search/indexWords.ts cuts typed text the way it does.
SHOW FULLTEXT INDEXES YIELD name, options
WHERE name = 'entity_search'
RETURN options.indexConfig['fulltext.analyzer'] AS analyzer
