-- shale:down of 0000_after
-- shale:data-loss: drops table "audit_log" and all its rows
-- shale:data-loss: drops table "users" and all its rows

DROP TABLE "public"."audit_log";
--> statement-breakpoint
DROP TABLE "public"."users";
--> statement-breakpoint
DROP FUNCTION "public"."audit"();
--> statement-breakpoint
DROP FUNCTION "public"."email_of"(bigint, text);
--> statement-breakpoint
DROP PROCEDURE "public"."purge"(integer);
--> statement-breakpoint
DROP FUNCTION "public"."touch"();
