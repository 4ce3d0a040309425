// Appends audit records; never updated or deleted afterwards.
UNWIND $rows AS row
CREATE (a:AuditRecord)
SET a = row
