-- Issue 14 item 6: article views from the widget's help center, shown to admins in the console's KB list.
-- A view is counted once per visitor, article and UTC day: the primary key makes a second read that day an ignored
-- insert, and the trigger keeps the article's total current (the list reads one column, no count over the table).
ALTER TABLE articles ADD COLUMN views INTEGER NOT NULL DEFAULT 0;

CREATE TABLE article_views (
  article_id TEXT NOT NULL,
  visitor_id TEXT NOT NULL,
  day TEXT NOT NULL,                 -- YYYY-MM-DD, UTC
  PRIMARY KEY (article_id, visitor_id, day)
) WITHOUT ROWID;

-- Only `views` changes: the FTS triggers listen to title and content, and updated_at is left alone.
CREATE TRIGGER article_views_count AFTER INSERT ON article_views BEGIN
  UPDATE articles SET views = views + 1 WHERE id = new.article_id;
END;

CREATE TRIGGER article_views_cleanup AFTER DELETE ON articles BEGIN
  DELETE FROM article_views WHERE article_id = old.id;
END;
