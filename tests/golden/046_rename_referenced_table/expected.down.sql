-- shale:down of 0001_after

ALTER TABLE "public"."organisations" RENAME TO "orgs";
--> statement-breakpoint
ALTER TABLE "public"."orgs" RENAME CONSTRAINT "organisations_pkey" TO "orgs_pkey";
