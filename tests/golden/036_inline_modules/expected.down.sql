-- shale:down of 0000_after
-- shale:data-loss: drops table "org_settings" and all its rows
-- shale:data-loss: drops table "orgs" and all its rows

ALTER TABLE "public"."org_settings" DROP CONSTRAINT "org_settings_org_id_fkey";
--> statement-breakpoint
DROP TABLE "public"."org_settings";
--> statement-breakpoint
DROP TABLE "public"."orgs";
