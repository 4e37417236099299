-- SQLite functions the common SQL subset uses, defined for PostgreSQL with the same results, so a store's
-- SQL runs unchanged on both backends (docs/deployment.md, "Writing SQL that runs on both").
-- instr(x, y): 1-based position of y in x, 0 when absent.
CREATE FUNCTION instr(text, text) RETURNS integer LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$ SELECT strpos($1, $2) $$;
--> statement-breakpoint
-- json_quote(x): x as a JSON string literal ('null' for NULL), escaped exactly as JSON.stringify escapes it.
CREATE FUNCTION json_quote(text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT COALESCE(to_json($1)::text, 'null') $$;
