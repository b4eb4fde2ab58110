-- shale:down of 0000_after
-- shale:data-loss: drops table "documents" and all its rows
-- shale:data-loss: drops table "orgs" and all its rows

ALTER TABLE "public"."documents" DROP CONSTRAINT "documents_org_id_fkey";
--> statement-breakpoint
DROP TABLE "public"."documents";
--> statement-breakpoint
DROP TABLE "public"."orgs";
