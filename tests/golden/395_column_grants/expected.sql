-- hazard: BACKWARD_INCOMPATIBLE renames column "people"."name" to "full_name": code using the previous name breaks
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "people" against reads and writes
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "people" against reads and writes
-- hazard: BACKWARD_INCOMPATIBLE revokes SELECT on "people" from "app_rw"
-- hazard: BACKWARD_INCOMPATIBLE revokes UPDATE on "people"."email" from "app_ro"
-- hazard: BACKWARD_INCOMPATIBLE revokes UPDATE on "people"."salary" from "app_admin"

ALTER TABLE "public"."people" RENAME COLUMN "name" TO "full_name";
--> statement-breakpoint
CREATE TABLE "public"."badges" (
	"id" bigint NOT NULL,
	"secret" text NOT NULL,
	CONSTRAINT "badges_pkey" PRIMARY KEY ("id")
);
--> statement-breakpoint
ALTER TABLE "public"."people" ADD COLUMN "team" text;
--> statement-breakpoint
REVOKE SELECT ON TABLE "public"."people" FROM "app_rw";
--> statement-breakpoint
REVOKE UPDATE ("email") ON TABLE "public"."people" FROM "app_ro";
--> statement-breakpoint
REVOKE UPDATE ("salary") ON TABLE "public"."people" FROM "app_admin";
--> statement-breakpoint
GRANT SELECT ("id") ON TABLE "public"."badges" TO PUBLIC;
--> statement-breakpoint
GRANT SELECT ("email") ON TABLE "public"."people" TO "app_rw";
--> statement-breakpoint
GRANT UPDATE ("full_name") ON TABLE "public"."people" TO "app_ro";
--> statement-breakpoint
GRANT SELECT ("team"), INSERT ("team"), REFERENCES ("team") ON TABLE "public"."people" TO "app_rw" WITH GRANT OPTION;
