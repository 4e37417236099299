-- Issued documents (审核意见书, 决定书) are evidence: once written they never change, as case_events.
CREATE TRIGGER case_documents_no_update BEFORE UPDATE ON case_documents
BEGIN
  SELECT RAISE(ABORT, 'case_documents are append-only');
END;
--> statement-breakpoint
CREATE TRIGGER case_documents_no_delete BEFORE DELETE ON case_documents
BEGIN
  SELECT RAISE(ABORT, 'case_documents are append-only');
END;
