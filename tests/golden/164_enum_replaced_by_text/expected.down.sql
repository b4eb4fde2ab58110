-- shale:down of 0001_after
-- shale:data-loss: changes column "pages"."status" from text to status, which may lose or refuse values

CREATE TYPE "public"."status" AS ENUM ('draft', 'published');
--> statement-breakpoint
ALTER TABLE "public"."pages" ALTER COLUMN "status" DROP DEFAULT;
--> statement-breakpoint
ALTER TABLE "public"."pages" ALTER COLUMN "status" SET DATA TYPE "public"."status" USING "status"::"public"."status";
--> statement-breakpoint
ALTER TABLE "public"."pages" ALTER COLUMN "status" SET DEFAULT 'draft';
