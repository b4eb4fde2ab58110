-- shale:down of 0001_issue_touch_trigger

DROP TRIGGER "issues_touch_updated_at" ON "public"."issues";
--> statement-breakpoint
DROP FUNCTION "public"."touch_updated_at"();
