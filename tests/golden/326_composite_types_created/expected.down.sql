-- shale:down of 0000_after
-- shale:data-loss: drops table "people" and all its rows

DROP TABLE "public"."people";
--> statement-breakpoint
DROP TYPE "geo"."located";
--> statement-breakpoint
DROP TYPE "public"."address";
--> statement-breakpoint
DROP DOMAIN "public"."zip";
--> statement-breakpoint
DROP TYPE "public"."kind";
--> statement-breakpoint
DROP SCHEMA "geo";
