// Tests only: drops the unique-name constraint to recreate a database from before it existed.
DROP CONSTRAINT api_token_name IF EXISTS
