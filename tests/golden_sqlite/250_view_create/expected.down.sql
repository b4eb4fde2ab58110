-- shale:down of 0001_after

DROP VIEW "active_emails";
--> statement-breakpoint
DROP VIEW "active_users";
