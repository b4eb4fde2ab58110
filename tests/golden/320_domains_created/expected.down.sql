-- shale:down of 0000_after
-- shale:data-loss: drops table "billing"."lines" and all its rows
-- shale:data-loss: drops table "users" and all its rows

DROP TABLE "billing"."lines";
--> statement-breakpoint
DROP TABLE "public"."users";
--> statement-breakpoint
DROP DOMAIN "public"."email";
--> statement-breakpoint
DROP DOMAIN "billing"."quantity";
--> statement-breakpoint
DROP DOMAIN "public"."positive";
--> statement-breakpoint
DROP SCHEMA "billing";
