// Names of every index and constraint (constraints own an index of the same name).
SHOW INDEXES YIELD name, type
RETURN name, type
ORDER BY name
