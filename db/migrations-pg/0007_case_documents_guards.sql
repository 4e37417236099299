-- The guards of db/migrations/0015_case_documents_guards.sql in PL/pgSQL, with the same message: issued
-- documents (审核意见书, 决定书) are evidence, never changed once written. TRUNCATE is refused too.
CREATE TRIGGER case_documents_no_update BEFORE UPDATE OR DELETE ON case_documents
FOR EACH ROW EXECUTE FUNCTION refuse_change('case_documents are append-only');
--> statement-breakpoint
CREATE TRIGGER case_documents_no_truncate BEFORE TRUNCATE ON case_documents
FOR EACH STATEMENT EXECUTE FUNCTION refuse_change('case_documents are append-only');
