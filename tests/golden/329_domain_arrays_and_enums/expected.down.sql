-- shale:down of 0000_after
-- shale:data-loss: drops table "posts" and all its rows

DROP TABLE "public"."posts";
--> statement-breakpoint
DROP DOMAIN "public"."tags";
--> statement-breakpoint
DROP DOMAIN "public"."percent";
--> statement-breakpoint
DROP DOMAIN "public"."default_mood";
--> statement-breakpoint
DROP TYPE "public"."mood";
