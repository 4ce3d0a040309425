// Deletes every node and relationship, in batches. Used by tests on their own database.
MATCH (n)
CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS
