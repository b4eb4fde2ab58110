-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "projects" against reads and writes

CREATE TABLE "public"."regions" (
	"code" text NOT NULL,
	CONSTRAINT "regions_pkey" PRIMARY KEY ("code")
);
--> statement-breakpoint
ALTER TABLE "public"."projects" ADD COLUMN "region" text;
--> statement-breakpoint
ALTER TABLE "public"."projects" ADD CONSTRAINT "projects_region_fkey" FOREIGN KEY ("region") REFERENCES "public"."regions"("code") ON UPDATE CASCADE;
