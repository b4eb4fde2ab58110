-- shale:down of 0001_after

DROP VIEW "public"."active_emails";
--> statement-breakpoint
DROP VIEW "public"."active_users";
