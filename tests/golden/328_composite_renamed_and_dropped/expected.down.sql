-- shale:down of 0001_after

ALTER TYPE "util"."int_pair" SET SCHEMA "public";
--> statement-breakpoint
ALTER TYPE "public"."int_pair" RENAME TO "pair";
--> statement-breakpoint
CREATE TYPE "public"."old" AS ("x" text);
--> statement-breakpoint
ALTER TABLE "public"."t" ADD COLUMN "o" "public"."old";
--> statement-breakpoint
COMMENT ON TYPE "public"."pair" IS NULL;
--> statement-breakpoint
DROP SCHEMA "util";
