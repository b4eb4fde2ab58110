-- shale:down of 0001_after
-- shale:data-loss: drops table "badges" and all its rows
-- shale:data-loss: drops column "people"."team"

DROP TABLE "public"."badges";
--> statement-breakpoint
ALTER TABLE "public"."people" DROP COLUMN "team";
--> statement-breakpoint
ALTER TABLE "public"."people" RENAME COLUMN "full_name" TO "name";
--> statement-breakpoint
REVOKE UPDATE ("name") ON TABLE "public"."people" FROM "app_ro";
--> statement-breakpoint
GRANT SELECT ON TABLE "public"."people" TO "app_rw";
--> statement-breakpoint
GRANT UPDATE ("email") ON TABLE "public"."people" TO "app_ro";
--> statement-breakpoint
GRANT UPDATE ("salary") ON TABLE "public"."people" TO "app_admin";
